package org.sahaya.server.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/** Heartbeats over HTTP, silences raised once across restarts, low batteries told once; all through a real node. */
class DeviceHealthTest {

    @TempDir
    Path data;
    Node node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** A one-second heartbeat and no grace; the periodic sweep is left to the test (one per hour). */
    private Node start() throws Exception {
        return start(Map.of());
    }

    private Node start(Map<String, String> more) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("SAHAYA_DEVICE_HEARTBEAT_SECONDS", "1",
                "SAHAYA_DEVICE_HEARTBEAT_GRACE_SECONDS", "0", "SAHAYA_DEVICE_SWEEP_SECONDS", "3600"));
        settings.putAll(more);
        SahayaConfig config = TestNode.config(data, true, settings);
        node = Node.start(config, Clock.systemUTC());
        return node;
    }

    @Test
    void aSignedHeartbeatIsAnsweredWithNoContentAndABadOneWithAProblem() throws Exception {
        DeviceClient client = new DeviceClient(start());

        assertThat(client.heartbeat("demo-0031", "demo-0031", "").statusCode()).isEqualTo(204);
        assertThat(client.heartbeat("demo-0031", "demo-0031", "{\"batteryPercent\":80}").statusCode()).isEqualTo(204);
        HttpResponse<String> someoneElses = client.heartbeat("demo-0031", "demo-0032", "");
        assertThat(someoneElses.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(someoneElses.body()).getString("field")).isEqualTo("id");
        HttpResponse<String> impossible = client.heartbeat("demo-0031", "demo-0031", "{\"batteryPercent\":140}");
        assertThat(impossible.statusCode()).isEqualTo(422);
        assertThat(new JsonObject(impossible.body()).getString("field")).isEqualTo("batteryPercent");
        assertThat(client.heartbeat("demo-0031", "demo-0031", "{\"battery\":").statusCode()).isEqualTo(400);
    }

    @Test
    void heartbeatsBeyondTheDevicesRateAreRefusedWithRetryAfter() throws Exception {
        DeviceClient client = new DeviceClient(start());

        List<HttpResponse<String>> answers = java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> client.heartbeat("demo-0033", "demo-0033", "")).toList();

        HttpResponse<String> refused = answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isIn(204, 429));
    }

    @Test
    void aSilentDeviceRaisesDeviceOfflineOnceEvenAcrossARestartAndTheFamilyIsToldAsNews() throws Exception {
        DeviceClient client = new DeviceClient(start());
        client.heartbeat("demo-0034", "demo-0034", "");
        // The 204 does not wait for the grid to note the sighting (an async entry processor): wait, then persist it.
        var noted = node.grid().hazelcast().getMap(GridSightings.MAP);
        await().atMost(Duration.ofSeconds(10)).until(() -> noted.containsKey("demo-0034"));
        node.deviceHealth().sweep(); // persists the sighting
        node.close();

        // A new node never heard the device: it judges it by the persisted time.
        client = new DeviceClient(start());
        await().atMost(Duration.ofSeconds(10)).until(() -> node.deviceHealth().sweep().stream()
                .anyMatch(v -> v instanceof HealthVerdict.Offline o && o.deviceId().equals("demo-0034")));
        String incidentId = offlineIncident("demo-0034");
        assertThat(incidentId).isNotNull();
        DeviceClient reader = client;
        JsonObject incident = await().atMost(Duration.ofSeconds(20)).until(() -> reader.incident(incidentId),
                i -> !i.getJsonArray("notifications").isEmpty());
        assertThat(incident.getString("alertType")).isEqualTo("DEVICE_OFFLINE");
        assertThat(incident.getString("state")).isEqualTo("RECORDED");
        assertThat(incident.getString("priority")).isEqualTo("P4");
        assertThat(incident.getJsonArray("notifications")).allSatisfy(n ->
                assertThat(((JsonObject) n).getString("step")).isEqualTo("DEVICE_OFFLINE"));
        assertThat(node.deviceHealth().sweep()).noneMatch(v -> v.deviceId().equals("demo-0034"));
        node.close();

        client = new DeviceClient(start());
        assertThat(node.deviceHealth().sweep()).noneMatch(v -> v.deviceId().equals("demo-0034"));
        assertThat(offlineIncidents("demo-0034")).isEqualTo(1);

        client.heartbeat("demo-0034", "demo-0034", "");
        // The 204 does not wait for the grid to note the sighting (an async entry processor): sweep until it has.
        await().atMost(Duration.ofSeconds(10)).until(() -> node.deviceHealth().sweep().stream()
                .anyMatch(v -> v instanceof HealthVerdict.BackOnline));
        assertThat(client.incident(incidentId).getJsonArray("timeline").stream()
                .map(o -> ((JsonObject) o).getString("stage"))).contains("DEVICE_BACK_ONLINE");
        assertThat(offlineIncident("demo-0034")).isNull();
    }

    @Test
    void aSweepStoresWhatWasHeardInBatchesAndKeepsOnlyWhatIsNotStoredYet() throws Exception {
        int devices = 2 * DeviceHealth.PERSIST_BATCH + 50; // three transactions
        start(Map.of("SAHAYA_DEMO_DEVICES", Integer.toString(devices)));
        DeviceHealth health = node.deviceHealth();
        var noted = node.grid().hazelcast().getMap(GridSightings.MAP);
        java.time.Instant at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        for (int i = 1; i <= devices; i++) {
            health.heard(org.sahaya.core.subscriber.Device.demoId(i), at, "http");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> noted.size() == devices);

        health.sweep();

        assertThat(noted.size()).isZero();
        assertThat(count("SELECT COUNT(*) FROM device_health WHERE last_heard_at = ? AND device_id LIKE 'demo-%'",
                java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))).isEqualTo(devices);

        java.time.Instant later = at.plusSeconds(1);
        health.heard(org.sahaya.core.subscriber.Device.demoId(7), later, "mqtt");
        await().atMost(Duration.ofSeconds(10)).until(() -> noted.size() == 1);
        health.sweep();
        assertThat(noted.size()).isZero();
        assertThat(count("SELECT COUNT(*) FROM device_health WHERE last_heard_at = ? AND last_gateway = 'mqtt'",
                java.time.OffsetDateTime.ofInstant(later, java.time.ZoneOffset.UTC))).isEqualTo(1);
    }

    @Test
    void aLowBatteryHeartbeatTellsTheFamilyOnceUntilCharged() throws Exception {
        DeviceClient client = new DeviceClient(start());
        node.deviceHealth().expectEvery("demo-0035", Duration.ofHours(1));

        client.heartbeat("demo-0035", "demo-0035", "{\"batteryPercent\":9}");
        await().atMost(Duration.ofSeconds(10)).until(() -> node.deviceHealth().sweep().stream()
                .anyMatch(v -> v instanceof HealthVerdict.BatteryLow));
        await().atMost(Duration.ofSeconds(20)).until(() -> lowBatteryMessages("demo-0035") > 0);
        long told = lowBatteryMessages("demo-0035");

        client.heartbeat("demo-0035", "demo-0035", "{\"batteryPercent\":8}");
        await().atMost(Duration.ofSeconds(10)).until(() -> lowBatterySince("demo-0035"));
        assertThat(node.deviceHealth().sweep()).noneMatch(v -> v instanceof HealthVerdict.BatteryLow);
        // A low-battery alert from the device itself is the same news: not told twice.
        client.send("demo-0035", DeviceClient.alert("lb-35", "demo-0035", "LOW_BATTERY").encode());
        client.heartbeat("demo-0035", "demo-0035", "{\"batteryPercent\":95}");
        await().atMost(Duration.ofSeconds(10)).until(() -> node.deviceHealth().sweep().stream()
                .anyMatch(v -> v instanceof HealthVerdict.BatteryCharged));
        assertThat(lowBatteryMessages("demo-0035")).isEqualTo(told);
    }

    private String offlineIncident(String deviceId) {
        return node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT offline_incident_id FROM device_health WHERE device_id = ?")) {
                ps.setString(1, deviceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    private boolean lowBatterySince(String deviceId) {
        return node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT low_battery_since FROM device_health WHERE device_id = ?")) {
                ps.setString(1, deviceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getObject(1) != null;
                }
            }
        });
    }

    private long offlineIncidents(String deviceId) {
        return count("SELECT COUNT(*) FROM alerts WHERE device_id = ? AND alert_type = 'DEVICE_OFFLINE'", deviceId);
    }

    private long lowBatteryMessages(String deviceId) {
        return count("SELECT COUNT(*) FROM notifications n JOIN alerts a ON a.incident_id = n.incident_id"
                + " WHERE a.device_id = ? AND n.step = 'LOW_BATTERY'", deviceId);
    }

    private long count(String sql, Object parameter) {
        return node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, parameter);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
