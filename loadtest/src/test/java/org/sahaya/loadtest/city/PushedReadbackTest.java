package org.sahaya.loadtest.city;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushedReadbackTest {

    private static final long SENT = Instant.parse("2026-11-25T01:00:00Z").toEpochMilli();

    @Test
    void everyMqttEmergencyInAnIncidentHolds() {
        List<JsonObject> views = List.of(incident(alert("demo-0001", "run-a-1", "FALL", "2026-11-25T01:00:00.010Z"),
                alert("demo-0002", "run-a-2", "SOS", "2026-11-25T01:00:00.020Z")));

        PushedReadback.Result r = PushedReadback.check(List.of(mqtt("demo-0001", "run-a-1"), mqtt("demo-0002", "run-a-2")),
                views, true);

        assertThat(r.found()).isEqualTo(2);
        assertThat(r.holds()).isTrue();
    }

    @Test
    void anAcknowledgedMqttAlertInNoIncidentIsNamed() {
        List<JsonObject> views = List.of(incident(alert("demo-0001", "run-a-1", "FALL", "2026-11-25T01:00:00.010Z")));

        PushedReadback.Result r = PushedReadback.check(List.of(mqtt("demo-0001", "run-a-1"), mqtt("demo-0003", "run-a-3")),
                views, true);

        assertThat(r.found()).isEqualTo(1);
        assertThat(r.missing()).containsExactly("mqtt demo-0003/run-a-3");
        assertThat(r.holds()).isFalse();
    }

    @Test
    void aHubNeedsAsManyEmergenciesReceivedSinceItsFirstSendAsWereAcknowledged() {
        List<JsonObject> views = List.of(
                incident(alert("demo-0501", "dc09-x", "MEDICAL", "2026-11-25T01:00:01Z"),
                        alert("demo-0501", "dc09-old", "SOS", "2026-11-25T00:50:00Z"),   // an earlier run's
                        alert("demo-0501", "dc09-t", "TEST", "2026-11-25T01:00:02Z")),  // not an emergency
                incident(alert("demo-0502", "dc09-y", "SOS", "2026-11-25T01:00:01Z")));

        PushedReadback.Result r = PushedReadback.check(List.of(dc09("demo-0501"), dc09("demo-0501"), dc09("demo-0502")),
                views, true);

        assertThat(r.checked()).isEqualTo(3);
        assertThat(r.found()).isEqualTo(2);
        assertThat(r.missing()).containsExactly("dc09 demo-0501: 2 acknowledged, 1 in incidents");
    }

    @Test
    void aShortfallWhenNotEveryIncidentCouldBeListedIsReportedButNotCalledALoss() {
        PushedReadback.Result r = PushedReadback.check(List.of(mqtt("demo-0001", "run-a-1")), List.of(), false);

        assertThat(r.found()).isZero();
        assertThat(r.holds()).isTrue();
        assertThat(PushedReadback.check(List.of(), List.of(), true)).isEqualTo(PushedReadback.Result.NONE);
    }

    private static PushedAlerts.Entry mqtt(String device, String alertId) {
        return new PushedAlerts.Entry("mqtt", device, alertId, SENT);
    }

    private static PushedAlerts.Entry dc09(String hub) {
        return new PushedAlerts.Entry("dc09", hub, null, SENT);
    }

    private static JsonObject incident(JsonObject... alerts) {
        return new JsonObject().put("id", "I-" + alerts[0].getString("alertId")).put("alerts", new JsonArray(List.of((Object[]) alerts)));
    }

    private static JsonObject alert(String device, String alertId, String type, String receivedAt) {
        return new JsonObject().put("deviceId", device).put("alertId", alertId).put("type", type)
                .put("receivedAt", receivedAt).put("outcome", "OPENED");
    }
}
