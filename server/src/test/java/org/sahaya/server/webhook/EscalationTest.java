package org.sahaya.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.testing.MutableClock;
import org.sahaya.notify.channel.OutgoingMessage;

/**
 * Escalation on a real node: no acknowledgement within the configured time → a voice call to the
 * first contact, then the next; an acknowledgement stops it. The node's clock is moved by hand, so
 * nothing here waits for real minutes.
 */
class EscalationTest {

    @TempDir
    static Path data;
    static FamilyNode family;
    static final MutableClock CLOCK = new MutableClock(Instant.now());

    @BeforeAll
    static void start() throws Exception {
        family = new FamilyNode(data, CLOCK, Map.of(
                "SAHAYA_ESCALATION_P2_VOICE_AFTER_SECONDS", "60",
                "SAHAYA_ESCALATION_P2_NEXT_CALL_SECONDS", "30"));
    }

    @AfterAll
    static void stop() {
        family.close();
    }

    @Test
    void withoutAcknowledgementVoiceCallsGoToEachContactInCallOrderUntilOneAcknowledges() {
        family.family("demo-0201", FamilyNode.contact("C201", "son", "+447911123501", 1, null),
                FamilyNode.contact("C202", "daughter", "+447911123502", 2, null),
                FamilyNode.contact("C203", "grandson", "+447911123503", 3, null));
        family.family("demo-0202", FamilyNode.contact("C211", "son", "+447911123511", 1, null));
        family.family("demo-0204", FamilyNode.contact("C231", "son", "+447911123531", 1, null),
                FamilyNode.contact("C232", "daughter", "+447911123532", 2, null));
        String silent = family.alertAndAwaitFamily("demo-0201", "esc-1");
        String answered = family.alertAndAwaitFamily("demo-0202", "esc-2");
        String control = family.alertAndAwaitFamily("demo-0204", "esc-4");
        family.twilio("/webhooks/twilio/sms", Map.of("From", "+447911123511", "Body", "YES"));
        assertThat(family.voice.sentFor(silent)).isEmpty();

        CLOCK.advance(Duration.ofSeconds(61));
        await().atMost(Duration.ofSeconds(20)).until(() -> family.voice.sentFor(silent).size() == 1);
        OutgoingMessage first = family.voice.sentFor(silent).getFirst();
        assertThat(first.phone()).isEqualTo("+447911123501");
        assertThat(first.text()).contains("Press 1");

        CLOCK.advance(Duration.ofSeconds(31));
        await().atMost(Duration.ofSeconds(20)).until(() -> family.voice.sentFor(silent).size() == 2);
        assertThat(family.voice.sentFor(silent).get(1).phone()).isEqualTo("+447911123502");

        String callId = family.voice.sentFor(silent).get(1).notificationId();
        family.twilio("/webhooks/twilio/voice/gather?n=" + callId, Map.of("Digits", "1"));
        CLOCK.advance(Duration.ofSeconds(31));
        // The control incident, never acknowledged, ends its escalation on this tick: proof the tick ran.
        await().atMost(Duration.ofSeconds(20)).until(() -> family.client.incident(control)
                .getJsonObject("escalation").getString("endedReason") != null);

        assertThat(family.voice.sentFor(silent)).hasSize(2);
        assertThat(family.voice.sentFor(answered)).isEmpty();
        assertThat(family.voice.sentFor(control)).hasSize(2);
        assertThat(family.client.incident(control).getJsonObject("escalation").getString("endedReason"))
                .isEqualTo("no acknowledgement after calling all 2 contacts");
        JsonObject incident = family.client.incident(silent);
        List<String> stages = incident.getJsonArray("timeline").stream()
                .map(o -> ((JsonObject) o).getString("stage")).toList();
        assertThat(stages).containsSubsequence("NOTIFICATIONS_PLANNED", "ESCALATED", "ESCALATED", "ACKNOWLEDGED");
        assertThat(incident.getJsonObject("escalation").getInteger("callsMade")).isEqualTo(2);
        assertThat(incident.getJsonArray("notifications").stream().map(o -> ((JsonObject) o).getString("step")))
                .contains("ESCALATION_1", "ESCALATION_2");
    }
}
