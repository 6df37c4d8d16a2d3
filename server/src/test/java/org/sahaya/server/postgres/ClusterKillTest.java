package org.sahaya.server.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.NodeProcess;
import org.sahaya.server.TestNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 6 as production runs it: three node processes on the real PostgreSQL, one killed with
 * {@code kill -9} under a steady alert load. Nothing acknowledged is lost, no unit serves two
 * incidents, no family message goes out twice, and dispatch carries on within 5 s.
 */
@Tag("postgres")
class ClusterKillTest {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterKillTest.class);
    static final String SCHEMA = "sahaya_cluster_" + UUID.randomUUID().toString().replace("-", "");

    @TempDir
    static Path data;

    @BeforeAll
    static void createSchema() throws Exception {
        execute("CREATE SCHEMA " + SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        execute("DROP SCHEMA " + SCHEMA + " CASCADE");
    }

    record Acked(String deviceId, String alertId, String incidentId) {
    }

    @Test
    void killMinusNineOfOneMemberUnderLoadLosesNothingOnPostgres() throws Exception {
        List<Integer> ports = freePorts();
        String members = ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        String cluster = "pg-cluster-" + UUID.randomUUID();
        List<NodeProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Path dir = Files.createDirectories(data.resolve("m" + i));
                nodes.add(NodeProcess.startDemo(dir, cluster, Map.of(
                        "SAHAYA_DB_URL", PostgresNodeTest.URL + (PostgresNodeTest.URL.contains("?") ? "&" : "?")
                                + "currentSchema=" + SCHEMA,
                        "SAHAYA_DB_USER", PostgresNodeTest.USER,
                        "SAHAYA_CLUSTER_MEMBERS", members,
                        "SAHAYA_CLUSTER_SECRET", "pg-cluster-secret-" + cluster,
                        "SAHAYA_MASTER_KEY", TestNode.MASTER_KEY,
                        "SAHAYA_MEMBER_PORT", String.valueOf(ports.get(i)))));
            }
            DeviceClient first = new DeviceClient(nodes.get(0));
            DeviceClient management = new DeviceClient(nodes.get(0).managementPort());
            await().atMost(Duration.ofSeconds(30)).until(() -> management.get("/health/ready").statusCode() == 200);

            List<Acked> acked = new ArrayList<>();
            int device = 400;
            for (int i = 0; i < 18; i++, device++) {
                acked.add(send(nodes.get(i % 3), device, "pg-before-" + i));
            }
            nodes.get(1).killHard();
            long killedAt = System.nanoTime();
            List<Acked> afterKill = new ArrayList<>();
            for (int i = 0; i < 6; i++, device++) {
                afterKill.add(send(nodes.get(i % 2 == 0 ? 0 : 2), device, "pg-after-" + i));
            }
            long sentAt = System.nanoTime();
            try {
                await().atMost(Duration.ofSeconds(5).minusNanos(System.nanoTime() - killedAt))
                        .until(() -> afterKill.stream().allMatch(a -> dispatched(first.incident(a.incidentId()))));
            } finally {
                LOG.info("Sent the alerts after the kill in {} ms; their states: {}", (sentAt - killedAt) / 1_000_000,
                        afterKill.stream().map(a -> first.incident(a.incidentId()).getString("state")).toList());
            }
            LOG.info("After kill -9 of one member, new alerts were dispatched within {} ms",
                    (System.nanoTime() - killedAt) / 1_000_000);
            acked.addAll(afterKill);

            for (Acked a : acked) {
                assertThat(count("SELECT COUNT(*) FROM alerts WHERE device_id = ? AND alert_id = ?",
                        a.deviceId(), a.alertId())).as(a.alertId()).isEqualTo(1);
                await().atMost(Duration.ofSeconds(30)).until(() -> first.incident(a.incidentId()),
                        i -> dispatched(i) && !i.getJsonArray("notifications").isEmpty()
                                && i.getJsonArray("notifications").stream()
                                .noneMatch(n -> "PENDING".equals(((JsonObject) n).getString("status"))));
            }
            assertThat(count("SELECT COUNT(*) FROM (SELECT unit_id FROM incidents WHERE unit_id IS NOT NULL AND state"
                    + " NOT IN ('CLOSED', 'CANCELLED') GROUP BY unit_id HAVING COUNT(*) > 1) d")).isZero();
            assertThat(count("SELECT COUNT(*) FROM (SELECT n.incident_id FROM sandbox_messages s JOIN notifications n"
                    + " ON n.id = s.notification_id GROUP BY n.incident_id, n.contact_id, n.step, n.channel"
                    + " HAVING COUNT(*) > 1) d")).isZero();
            assertThat(count("SELECT COUNT(*) FROM sandbox_messages")).isPositive();
        } finally {
            nodes.forEach(NodeProcess::close);
        }
    }

    private static Acked send(NodeProcess node, int device, String alertId) {
        String deviceId = String.format("demo-%04d", device);
        HttpResponse<String> r = new DeviceClient(node).send(deviceId,
                DeviceClient.alert(alertId, deviceId, "FALL").encode());
        assertThat(r.statusCode()).as(alertId).isEqualTo(202);
        return new Acked(deviceId, alertId, new JsonObject(r.body()).getString("incidentId"));
    }

    private static boolean dispatched(JsonObject incident) {
        return "DISPATCHED".equals(incident.getString("state")) && incident.getJsonObject("unit") != null;
    }

    private static long count(String sql, String... args) throws Exception {
        try (Connection c = connect()) {
            c.createStatement().execute("SET search_path TO " + SCHEMA);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                try (ResultSet r = ps.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(PostgresNodeTest.URL, PostgresNodeTest.USER,
                System.getenv("SAHAYA_TEST_PG_PASSWORD"));
    }

    private static List<Integer> freePorts() throws Exception {
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0); ServerSocket c = new ServerSocket(0)) {
            return List.of(a.getLocalPort(), b.getLocalPort(), c.getLocalPort());
        }
    }
}
