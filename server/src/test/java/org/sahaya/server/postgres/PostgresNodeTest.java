package org.sahaya.server.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;
import org.sahaya.server.device.HealthVerdict;

/**
 * The production database: the same migrations and the same hot path on a real PostgreSQL, in a
 * schema of its own per run. Runs in the {@code postgres} profile ({@code ./sahaya test-postgres});
 * {@code SAHAYA_TEST_PG_URL} and {@code SAHAYA_TEST_PG_USER} point elsewhere than the local server.
 */
@Tag("postgres")
class PostgresNodeTest {

    static final String URL = System.getenv().getOrDefault("SAHAYA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("SAHAYA_TEST_PG_USER", "postgres");
    static final String SCHEMA = "sahaya_test_" + UUID.randomUUID().toString().replace("-", "");

    @TempDir
    static Path data;

    @BeforeAll
    static void createSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, USER, System.getenv("SAHAYA_TEST_PG_PASSWORD"));
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
    }

    @AfterAll
    static void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, USER, System.getenv("SAHAYA_TEST_PG_PASSWORD"));
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    private static Node start() throws Exception {
        return start(Map.of());
    }

    private static Node start(Map<String, String> extra) throws Exception {
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "SAHAYA_DB_URL", URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                "SAHAYA_DB_USER", USER));
        values.putAll(extra);
        return Node.start(TestNode.config(data, true, values), Clock.systemUTC());
    }

    @Test
    void deviceHealthIsSavedAndASilentDeviceRaisedOnceOnPostgres() throws Exception {
        Map<String, String> quick = Map.of("SAHAYA_DEVICE_HEARTBEAT_SECONDS", "1",
                "SAHAYA_DEVICE_HEARTBEAT_GRACE_SECONDS", "0", "SAHAYA_DEVICE_SWEEP_SECONDS", "3600");
        try (Node node = start(quick)) {
            DeviceClient client = new DeviceClient(node);
            assertThat(client.heartbeat("demo-0051", "demo-0051", "{\"batteryPercent\":5}").statusCode()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(20)).until(() -> node.deviceHealth().sweep().stream()
                    .anyMatch(v -> v instanceof HealthVerdict.Offline o && o.deviceId().equals("demo-0051")));
            assertThat(node.deviceHealth().sweep()).noneMatch(v -> v instanceof HealthVerdict.Offline);
        }
        try (Node node = start(quick)) {
            assertThat(node.deviceHealth().sweep()).noneMatch(v -> v instanceof HealthVerdict.Offline);
        }
    }

    @Test
    void alertIsDispatchedAndSurvivesARestartOnPostgres() throws Exception {
        String body = DeviceClient.alert("pg-1", "demo-0050", "FALL").encode();
        String id;
        try (Node node = start()) {
            DeviceClient client = new DeviceClient(node);
            HttpResponse<String> first = client.send("demo-0050", body);
            assertThat(first.statusCode()).isEqualTo(202);
            id = new JsonObject(first.body()).getString("incidentId");
            JsonObject settled = await().atMost(Duration.ofSeconds(30)).until(() -> client.incident(id),
                    i -> "DISPATCHED".equals(i.getString("state")) && !i.getJsonArray("notifications").isEmpty()
                            && i.getJsonArray("notifications").stream()
                            .allMatch(n -> "SENT".equals(((JsonObject) n).getString("status"))));
            assertThat(settled.getJsonObject("hospital")).isNotNull();

            HttpResponse<String> again = client.send("demo-0050", body);
            assertThat(new JsonObject(again.body())).isEqualTo(new JsonObject(first.body()));
        }
        try (Node node = start()) {
            JsonObject after = new DeviceClient(node).incident(id);
            assertThat(after.getString("state")).isEqualTo("DISPATCHED");
            assertThat(after.getJsonArray("alerts")).hasSize(1);
        }
    }
}
