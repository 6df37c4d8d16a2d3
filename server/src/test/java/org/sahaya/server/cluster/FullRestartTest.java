package org.sahaya.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.server.PartnerClient.fleetKey;
import static org.sahaya.server.PartnerClient.status;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;

/**
 * Every member stops; the cluster starts again from the database alone: incidents still waiting
 * are dispatched (verification over, or a unit back on duty), dispatched ones keep their unit, each
 * incident gets one unit once, and no family hears anything twice.
 */
class FullRestartTest {

    /** The demo fleet: AMB-001 to AMB-044. */
    private static final int UNITS = 44;

    @TempDir
    Path data;

    @Test
    void openIncidentsResumeFromTheDatabaseWhenEveryMemberStartsAgain() throws Exception {
        List<String> waiting = new ArrayList<>();
        List<String> dispatched = new ArrayList<>();
        // Falls wait an hour for an "I'm OK" in the first life of the cluster, so they are still open when it stops.
        try (ThreeMembers cluster = new ThreeMembers(data, Map.of("SAHAYA_VERIFY_FALL_SECONDS", "3600"))) {
            cluster.startAll();
            for (int i = 0; i < 6; i++) {
                waiting.add(send(cluster.node(i % 3), 300 + i, "FALL"));
                dispatched.add(send(cluster.node((i + 1) % 3), 320 + i, "SOS"));
            }
            DeviceClient client = new DeviceClient(cluster.node(0));
            for (String id : dispatched) {
                await().atMost(Duration.ofSeconds(30)).until(() -> MemberLossTest.dispatched(client.incident(id)));
            }
            assertThat(client.incident(waiting.get(0)).getString("state")).isEqualTo("VERIFYING");
            Map<String, String> unitsBefore = new java.util.HashMap<>();
            dispatched.forEach(id -> unitsBefore.put(id, client.incident(id).getJsonObject("unit").getString("id")));

            // One family message was written but not yet handed to its channel when everything stopped.
            String pending = MemberLossTest.rows(cluster.node(0), "SELECT id FROM notifications WHERE incident_id = '"
                    + dispatched.get(0) + "' AND status = 'SENT' ORDER BY id").get(0);
            for (int i = 0; i < 3; i++) {
                cluster.stop(i);
            }
            cluster.sharedDatabase(c -> {
                try (var s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM notification_status_history WHERE notification_id = '" + pending + "'");
                    s.executeUpdate("DELETE FROM sandbox_messages WHERE notification_id = '" + pending + "'");
                    s.executeUpdate("UPDATE notifications SET status = 'PENDING', sent_at = NULL, provider_id = NULL,"
                            + " attempts = 0, attempt_started_at = NULL WHERE id = '" + pending + "'");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            // The next life: the same database, falls no longer wait.
            cluster.setting("SAHAYA_VERIFY_FALL_SECONDS", "0");
            cluster.startAll();
            Node first = cluster.node(0);
            DeviceClient after = new DeviceClient(first);
            Set<String> units = new HashSet<>();
            for (String id : waiting) {
                JsonObject incident = await().atMost(Duration.ofSeconds(30)).until(() -> after.incident(id),
                        MemberLossTest::dispatched);
                assertThat(units.add(incident.getJsonObject("unit").getString("id"))).as(id).isTrue();
            }
            for (String id : dispatched) {
                JsonObject incident = after.incident(id);
                assertThat(incident.getJsonObject("unit").getString("id")).isEqualTo(unitsBefore.get(id));
                assertThat(units.add(unitsBefore.get(id))).as(id).isTrue();
            }
            for (String id : waiting) {
                await().atMost(Duration.ofSeconds(30)).until(() -> after.incident(id),
                        i -> MemberLossTest.settled(i.getJsonArray("notifications")));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> MemberLossTest.rows(first,
                    "SELECT status FROM notifications WHERE id = '" + pending + "'").equals(List.of("SENT")));
            JsonArray inbox = new JsonArray(after.get("/api/v1/sandbox/messages?limit=500").body());
            assertThat(inbox.stream().map(o -> ((JsonObject) o).getString("notificationId"))).contains(pending);
            assertThat(inbox.stream().map(o -> ((JsonObject) o).getString("notificationId")).toList())
                    .doesNotHaveDuplicates();
            assertThat(MemberLossTest.rows(first, "SELECT n.incident_id FROM sandbox_messages s JOIN notifications n"
                    + " ON n.id = s.notification_id GROUP BY n.incident_id, n.contact_id, n.step, n.channel"
                    + " HAVING COUNT(*) > 1")).isEmpty();
        }
    }

    @Test
    void incidentsQueuedWhenEveryMemberStoppedAreDispatchedOnceEachWhenUnitsComeBackAfterTheRestart() throws Exception {
        try (ThreeMembers cluster = new ThreeMembers(data, Map.of())) {
            cluster.startAll();
            PartnerClient partners = new PartnerClient(cluster.node(0));
            for (int n = 1; n <= UNITS; n++) {
                assertThat(partners.put("/api/v1/units/" + unit(n) + "/status", fleetKey(unit(n)), status("OUT_OF_SERVICE"))
                        .statusCode()).isEqualTo(200);
            }
            List<String> queued = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                queued.add(send(cluster.node(i), 340 + i, "SOS"));
            }
            DeviceClient client = new DeviceClient(cluster.node(0));
            for (String id : queued) {
                await().atMost(Duration.ofSeconds(30)).until(() -> "QUEUED".equals(client.incident(id).getString("state")));
            }
            for (int i = 0; i < 3; i++) {
                cluster.stop(i);
            }

            cluster.startAll();
            DeviceClient after = new DeviceClient(cluster.node(0));
            for (String id : queued) {
                assertThat(after.incident(id).getString("state")).as("no unit is on duty yet").isEqualTo("QUEUED");
            }
            // Every unit comes back on duty, through all three members at once: each frees a queue drain.
            try (var fleet = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                List<java.util.concurrent.Future<Integer>> reports = new ArrayList<>();
                for (int n = 1; n <= UNITS; n++) {
                    PartnerClient via = new PartnerClient(cluster.node(n % 3));
                    String id = unit(n);
                    reports.add(fleet.submit(() -> via.put("/api/v1/units/" + id + "/status", fleetKey(id),
                            status("AVAILABLE")).statusCode()));
                }
                for (var report : reports) {
                    assertThat(report.get(1, java.util.concurrent.TimeUnit.MINUTES)).isEqualTo(200);
                }
            }
            Set<String> units = new HashSet<>();
            for (String id : queued) {
                JsonObject incident = await().atMost(Duration.ofSeconds(30)).until(() -> after.incident(id),
                        MemberLossTest::dispatched);
                assertThat(units.add(incident.getJsonObject("unit").getString("id"))).as(id).isTrue();
                assertThat(incident.getJsonArray("timeline").stream()
                        .filter(e -> "DISPATCHED".equals(((JsonObject) e).getString("stage")))).as(id).hasSize(1);
            }
            assertThat(MemberLossTest.rows(cluster.node(0), "SELECT incident_id FROM units WHERE incident_id IS NOT NULL"))
                    .containsExactlyInAnyOrderElementsOf(queued);
        }
    }

    private static String unit(int n) {
        return String.format("AMB-%03d", n);
    }

    private static String send(Node node, int device, String type) {
        String deviceId = String.format("demo-%04d", device);
        HttpResponse<String> r = new DeviceClient(node).send(deviceId,
                DeviceClient.alert("restart-" + device, deviceId, type).encode());
        assertThat(r.statusCode()).isEqualTo(202);
        return new JsonObject(r.body()).getString("incidentId");
    }
}
