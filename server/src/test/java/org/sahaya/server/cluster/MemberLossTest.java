package org.sahaya.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 6 in one JVM: three members under a steady alert load lose one abruptly; the survivors take
 * over its incidents. Nothing acknowledged is lost, no unit serves two incidents, no family hears
 * a message twice, and dispatch carries on within the 5 s.
 */
class MemberLossTest {

    private static final Logger LOG = LoggerFactory.getLogger(MemberLossTest.class);

    @TempDir
    Path data;

    record Acked(String deviceId, String alertId, String incidentId) {
    }

    @Test
    void killingOneMemberUnderLoadLosesNothingAndDispatchResumesWithinFiveSeconds() throws Exception {
        try (ThreeMembers cluster = new ThreeMembers(data, Map.of())) {
            cluster.startAll();
            List<Acked> acked = new ArrayList<>();
            int device = 100;
            // Steady load on all three members, then one dies in the middle of it.
            for (int i = 0; i < 18; i++, device++) {
                send(cluster.node(i % 3), device, "before-" + i, acked);
            }
            cluster.crash(1);
            long killedAt = System.nanoTime();
            List<Acked> afterKill = new ArrayList<>();
            for (int i = 0; i < 6; i++, device++) {
                send(cluster.node(i % 2 == 0 ? 0 : 2), device, "after-" + i, afterKill);
            }
            long sentAt = System.nanoTime();
            Node survivor = cluster.node(0);
            DeviceClient client = new DeviceClient(survivor);
            try {
                await().atMost(Duration.ofSeconds(5).minusNanos(System.nanoTime() - killedAt))
                        .until(() -> afterKill.stream().allMatch(a -> dispatched(client.incident(a.incidentId()))));
            } finally {
                LOG.info("Sent the alerts after the kill in {} ms; their states: {}", (sentAt - killedAt) / 1_000_000,
                        afterKill.stream().map(a -> client.incident(a.incidentId()).getString("state")).toList());
            }
            LOG.info("Alerts acknowledged after the kill were all dispatched {} ms after it; take-over on the survivors:"
                            + " {} / {}", (System.nanoTime() - killedAt) / 1_000_000, survivor.lastTakeOver(),
                    cluster.node(2).lastTakeOver());
            acked.addAll(afterKill);

            // 0 acknowledged alerts lost: every one is stored, with its incident, and worked to the end.
            for (Acked a : acked) {
                assertThat(TestNode.storedAlert(survivor, a.deviceId(), a.alertId())).as(a.alertId()).isPresent();
                await().atMost(Duration.ofSeconds(30)).until(() -> client.incident(a.incidentId()),
                        i -> dispatched(i) && settled(i.getJsonArray("notifications")));
            }
            // 0 units on two open incidents, and one unit per incident.
            assertThat(rows(survivor, "SELECT unit_id FROM incidents WHERE unit_id IS NOT NULL AND state NOT IN"
                    + " ('CLOSED', 'CANCELLED') GROUP BY unit_id HAVING COUNT(*) > 1")).isEmpty();
            assertThat(rows(survivor, "SELECT incident_id FROM units WHERE incident_id IS NOT NULL GROUP BY incident_id"
                    + " HAVING COUNT(*) > 1")).isEmpty();
            // 0 duplicate family messages: what the (sandbox) phones received, once per incident, contact, step and channel.
            assertThat(rows(survivor, "SELECT n.incident_id FROM sandbox_messages s JOIN notifications n ON n.id ="
                    + " s.notification_id GROUP BY n.incident_id, n.contact_id, n.step, n.channel HAVING COUNT(*) > 1"))
                    .isEmpty();
            JsonArray inbox = new JsonArray(client.get("/api/v1/sandbox/messages?limit=500").body());
            assertThat(inbox.stream().map(o -> ((JsonObject) o).getString("notificationId")).toList())
                    .doesNotHaveDuplicates();
            assertThat(inbox).isNotEmpty();
        }
    }

    private static void send(Node node, int device, String alertId, List<Acked> acked) {
        String deviceId = String.format("demo-%04d", device);
        HttpResponse<String> r = new DeviceClient(node).send(deviceId,
                DeviceClient.alert(alertId, deviceId, "FALL").encode());
        assertThat(r.statusCode()).as(alertId).isEqualTo(202);
        acked.add(new Acked(deviceId, alertId, new JsonObject(r.body()).getString("incidentId")));
    }

    static boolean dispatched(JsonObject incident) {
        return "DISPATCHED".equals(incident.getString("state")) && incident.getJsonObject("unit") != null;
    }

    static boolean settled(JsonArray notifications) {
        return !notifications.isEmpty() && notifications.stream()
                .noneMatch(n -> "PENDING".equals(((JsonObject) n).getString("status")));
    }

    static List<String> rows(Node node, String sql) {
        return node.database().withConnection(c -> {
            List<String> out = new ArrayList<>();
            try (var s = c.createStatement(); var r = s.executeQuery(sql)) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        });
    }
}
