package org.sahaya.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sahaya.server.delivery.PartnerDelivery.Transport;

class EndpointUrlTest {

    @Test
    void absoluteHttpAndHttpsUrlsWithAHostAreTaken() {
        assertThat(EndpointUrl.refusal("https://fleet.example/sahaya/jobs?fleet=2")).isEmpty();
        assertThat(EndpointUrl.refusal("http://10.0.0.5:8080/hook")).isEmpty();
        assertThat(EndpointUrl.refusal("HTTPS://hospital.example/fhir/R4")).isEmpty();
    }

    @Test
    void otherSchemesRelativeUrlsCredentialsAndFragmentsAreRefused() {
        assertThat(EndpointUrl.refusal("ftp://fleet.example/x")).hasValueSatisfying(r -> assertThat(r).contains("http"));
        assertThat(EndpointUrl.refusal("javascript:alert(1)")).isPresent();
        assertThat(EndpointUrl.refusal("/relative/hook")).isPresent();
        assertThat(EndpointUrl.refusal("https://user:secret@fleet.example/x"))
                .hasValueSatisfying(r -> assertThat(r).contains("user name"));
        assertThat(EndpointUrl.refusal("https:///no-host")).isPresent();
        assertThat(EndpointUrl.refusal("https://fleet.example/x#part")).isPresent();
        assertThat(EndpointUrl.refusal("https://fleet.example/" + "x".repeat(2000))).isPresent();
        assertThat(EndpointUrl.refusal(" ")).isPresent();
    }

    @Test
    void aRowIsSendableWhenDueAndNotHeldByAnotherMembersLiveClaim() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        PendingDelivery free = row(now.minusSeconds(1), null, null);
        assertThat(free.sendableBy("m1", now)).isTrue();
        assertThat(row(now.plusSeconds(1), null, null).sendableBy("m1", now)).as("not due").isFalse();
        assertThat(row(now, "m2", now.plusSeconds(10)).sendableBy("m1", now)).as("m2's live claim").isFalse();
        assertThat(row(now, "m2", now.minusSeconds(1)).sendableBy("m1", now)).as("m2's claim ran out").isTrue();
        assertThat(row(now, "m1", now.plusSeconds(10)).sendableBy("m1", now)).as("its own claim").isTrue();
    }

    private static PendingDelivery row(Instant next, String claimedBy, Instant claimedUntil) {
        return new PendingDelivery(1, "D-1", "FLEET-1", Transport.WEBHOOK, "JOB_OFFERED", null, "{}", next, null, 0, next,
                claimedBy, claimedUntil);
    }
}
