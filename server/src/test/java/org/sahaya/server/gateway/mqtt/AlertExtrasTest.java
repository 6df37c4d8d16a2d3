package org.sahaya.server.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.alert.VitalsBound;
import org.sahaya.server.CapturedLog;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;
import org.sahaya.server.incident.IncidentView;
import org.sahaya.server.incident.IncidentViews;

/**
 * Issue 14, item 7: an emergency is never lost to an optional extra. A FALL or SOS whose vitals go beyond
 * {@link VitalsBound} (but whose body is within the 16 KB limit) is stored and dispatched over HTTP and
 * MQTT alike, its vitals cut and the cut flagged; the vitals never reach a log line.
 */
class AlertExtrasTest {

    private static final String MARKER = "VITALS-MARKER-7f3a";

    @TempDir
    static Path data;
    static Node node;
    static DeviceClient http;
    static CapturedLog log;

    @BeforeAll
    static void start() throws Exception {
        log = new CapturedLog();
        node = TestNode.start(data, true);
        http = new DeviceClient(node.httpPort());
    }

    @AfterAll
    static void stop() {
        node.close();
        log.close();
    }

    /** 9,000+ characters of vitals: a long ECG strip after the readings that matter. */
    static JsonObject bigVitals() {
        return new JsonObject().put("heartRate", 131).put("spo2", 88)
                .put("ecg", MARKER + "-" + "0123456789".repeat(900)).put("responsive", false);
    }

    static JsonObject nested(int depth) {
        JsonObject inner = new JsonObject().put("mv", MARKER);
        for (int i = 1; i < depth; i++) {
            inner = new JsonObject().put("l" + i, inner);
        }
        return new JsonObject().put("heartRate", 72).put("trace", inner);
    }

    @Test
    void aFallWithVitalsOverTheBoundIsStoredDispatchedAndFlaggedOverHttp() {
        String body = DeviceClient.alert("x-http-1", "demo-0201", "FALL").put("vitals", bigVitals()).encode();
        assertThat(body.length()).isBetween(VitalsBound.MAX_CHARS + 1, 16 * 1024);

        HttpResponse<String> r = http.send("demo-0201", body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String incidentId = new JsonObject(r.body()).getString("incidentId");
        assertThat(storedVitals("demo-0201", "x-http-1"))
                .isEqualTo("{\"heartRate\":131,\"spo2\":88,\"responsive\":false}");
        assertFlagged(incidentId, "x-http-1");
        assertThat(log.text()).doesNotContain(MARKER);
    }

    @Test
    void vitalsNestedTooDeepAreCutNotRefused() {
        String body = DeviceClient.alert("x-http-2", "demo-0202", "SOS").put("vitals", nested(40)).encode();

        HttpResponse<String> r = http.send("demo-0202", body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(storedVitals("demo-0202", "x-http-2")).isEqualTo("{\"heartRate\":72}");
        assertFlagged(new JsonObject(r.body()).getString("incidentId"), "x-http-2");
    }

    @Test
    void vitalsWithinTheBoundAreKeptAsSentAndNotFlagged() {
        JsonObject vitals = new JsonObject().put("heartRate", 64).put("trace", nested(5));
        HttpResponse<String> r = http.send("demo-0203",
                DeviceClient.alert("x-http-3", "demo-0203", "FALL").put("vitals", vitals).encode());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(storedVitals("demo-0203", "x-http-3")).isEqualTo(vitals.encode());
        IncidentView view = view(new JsonObject(r.body()).getString("incidentId"));
        assertThat(view.alerts()).allSatisfy(a -> assertThat(a.extrasTruncated()).isFalse());
        assertThat(view.timeline()).noneMatch(s -> s.stage().equals("EXTRAS_TRUNCATED"));
    }

    @Test
    void anSosWithVitalsOverTheBoundIsStoredAndPubackedOverMqtt() throws Exception {
        String body = DeviceClient.alert("x-mqtt-1", "demo-0204", "SOS").put("vitals", bigVitals()).encode();
        try (Mqtt5Device device = Mqtt5Device.connect(node.mqttPort(), "demo-0204")) {
            assertThat(device.publishAlert(body)).as("PUBACK reason code").isZero();
            assertThat(device.client.isConnected()).isTrue();
        }
        String incidentId = TestNode.storedAlert(node, "demo-0204", "x-mqtt-1").orElseThrow().incidentId();
        assertThat(storedVitals("demo-0204", "x-mqtt-1")).doesNotContain(MARKER).contains("\"heartRate\":131");
        assertFlagged(incidentId, "x-mqtt-1");
        assertThat(log.text()).doesNotContain(MARKER);
    }

    private static void assertFlagged(String incidentId, String alertId) {
        IncidentView view = view(incidentId);
        assertThat(view.alerts()).filteredOn(a -> a.alertId().equals(alertId))
                .singleElement().satisfies(a -> assertThat(a.extrasTruncated()).isTrue());
        assertThat(view.timeline()).filteredOn(s -> s.stage().equals("EXTRAS_TRUNCATED"))
                .singleElement().satisfies(s -> assertThat(s.message()).contains(alertId).doesNotContain(MARKER));
        assertThat(view.state()).isNotEqualTo("CANCELLED");
    }

    private static IncidentView view(String incidentId) {
        return new IncidentViews(node.database(), node.grid(), Clock.systemUTC()).find(incidentId).orElseThrow();
    }

    private static String storedVitals(String deviceId, String alertId) {
        return node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT vitals FROM alerts WHERE device_id = ? AND alert_id = ?")) {
                ps.setString(1, deviceId);
                ps.setString(2, alertId);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as("alert stored").isTrue();
                    return rs.getString(1);
                }
            }
        });
    }
}
