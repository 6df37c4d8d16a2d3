package org.sahaya.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.subscriber.Device;

/** The alert JSON of every gateway, checked against the contract's own Alert schema. */
class AlertPayloadTest {

    static final Device DEVICE = Device.demo(1, "sub-1");
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static Vertx vertx;
    static AlertPayload payload;

    @BeforeAll
    static void load() throws Exception {
        vertx = Vertx.vertx();
        payload = AlertPayload.fromContract(vertx).await(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void close() {
        vertx.close().await();
    }

    static JsonObject alert() {
        return new JsonObject().put("alertId", "a-1").put("deviceId", "demo-0001").put("type", "FALL")
                .put("occurredAt", "2026-11-24T15:30:00+05:30");
    }

    @Test
    void aValidAlertIsNormalised() {
        Alert alert = payload.parse(Buffer.buffer(alert().put("location", new JsonObject().put("lat", 12.9).put("lon", 77.6)
                .put("accuracyM", 8)).encode()), DEVICE, NOW);

        assertThat(alert.alertId()).isEqualTo("a-1");
        assertThat(alert.type()).isEqualTo(AlertType.FALL);
        assertThat(alert.occurredAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(alert.receivedAt()).isEqualTo(NOW);
        assertThat(alert.location().lat()).isEqualTo(12.9);
        assertThat(alert.accuracyM()).isEqualTo(8.0);
    }

    @Test
    void theContractsRulesApplyAndNameTheField() {
        assertInvalid(alert().put("location", new JsonObject().put("lat", 91).put("lon", 77)), "location/lat");
        assertInvalid(alert().put("type", "EARTHQUAKE"), "type");
        assertInvalid(alert().put("alertId", "has spaces"), "alertId");
        JsonObject noType = alert();
        noType.remove("type");
        assertThatThrownBy(() -> payload.parse(Buffer.buffer(noType.encode()), DEVICE, NOW))
                .isInstanceOfSatisfying(InvalidAlert.class, e -> assertThat(e.kind()).isEqualTo(InvalidAlert.Kind.INVALID_FIELD));
    }

    @Test
    void notJsonOrNotAnObjectIsMalformed() {
        for (String raw : new String[] {"{", "[]", "42", "", "\u0000"}) {
            assertThatThrownBy(() -> payload.parse(Buffer.buffer(raw), DEVICE, NOW))
                    .isInstanceOfSatisfying(InvalidAlert.class, e -> assertThat(e.kind()).isEqualTo(InvalidAlert.Kind.MALFORMED_JSON));
        }
    }

    @Test
    void anAlertNamingAnotherDeviceIsRefused() {
        assertThatThrownBy(() -> payload.parse(Buffer.buffer(alert().put("deviceId", "demo-0002").encode()), DEVICE, NOW))
                .isInstanceOfSatisfying(InvalidAlert.class, e -> {
                    assertThat(e.kind()).isEqualTo(InvalidAlert.Kind.DEVICE_MISMATCH);
                    assertThat(e.field()).isEqualTo("deviceId");
                });
    }

    private static void assertInvalid(JsonObject body, String field) {
        assertThatThrownBy(() -> payload.parse(Buffer.buffer(body.encode()), DEVICE, NOW))
                .isInstanceOfSatisfying(InvalidAlert.class, e -> {
                    assertThat(e.kind()).isEqualTo(InvalidAlert.Kind.INVALID_FIELD);
                    assertThat(e.field()).isEqualTo(field);
                });
    }
}
