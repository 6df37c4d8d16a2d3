package org.sahaya.server.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.NodeProcess;

/** Invariant 1 on one node: what was acknowledged survives kill -9 and is finished after the restart. */
class CrashRecoveryTest {

    @TempDir
    Path data;

    @Test
    void acknowledgedAlertsSurviveKillMinusNineAndAreDispatchedAfterRestart() throws Exception {
        String cluster = "crash-" + UUID.randomUUID();
        List<String> incidents = new ArrayList<>();
        try (NodeProcess first = NodeProcess.startDemo(data, cluster)) {
            DeviceClient client = new DeviceClient(first);
            for (int i = 20; i < 30; i++) {
                String device = String.format("demo-%04d", i);
                HttpResponse<String> r = client.send(device, DeviceClient.alert("crash-" + i, device, "FALL").encode());
                assertThat(r.statusCode()).isEqualTo(202);
                incidents.add(new JsonObject(r.body()).getString("incidentId"));
            }
            first.killHard();
        }

        try (NodeProcess second = NodeProcess.startDemo(data, cluster)) {
            DeviceClient client = new DeviceClient(second);
            Set<String> units = new HashSet<>();
            for (String id : incidents) {
                JsonObject incident = await().atMost(Duration.ofSeconds(60)).until(() -> client.incident(id),
                        i -> "DISPATCHED".equals(i.getString("state")) && allSent(i.getJsonArray("notifications")));
                assertThat(units.add(incident.getJsonObject("unit").getString("id")))
                        .as("unit of %s is not assigned to another incident", id).isTrue();
            }
            HttpResponse<String> resent = client.send("demo-0020",
                    DeviceClient.alert("crash-20", "demo-0020", "FALL").encode());
            assertThat(new JsonObject(resent.body()).getString("incidentId")).isEqualTo(incidents.get(0));
            JsonArray sandbox = new JsonArray(client.get("/api/v1/sandbox/messages?limit=500").body());
            List<String> sentIds = sandbox.stream().map(o -> ((JsonObject) o).getString("notificationId")).toList();
            assertThat(sentIds).doesNotHaveDuplicates();
        }
    }

    @Test
    void incidentsStillWaitingAtTheCrashAreDispatchedByTheNextStart() throws Exception {
        String cluster = "crash-" + UUID.randomUUID();
        List<String> incidents = new ArrayList<>();
        // The first node waits an hour for an "I'm OK" before dispatching: nothing is dispatched when it dies.
        try (NodeProcess first = NodeProcess.startDemo(data, cluster, Map.of("SAHAYA_VERIFY_FALL_SECONDS", "3600"))) {
            DeviceClient client = new DeviceClient(first);
            for (int i = 30; i < 35; i++) {
                String device = String.format("demo-%04d", i);
                HttpResponse<String> r = client.send(device, DeviceClient.alert("wait-" + i, device, "FALL").encode());
                incidents.add(new JsonObject(r.body()).getString("incidentId"));
            }
            assertThat(new DeviceClient(first).incident(incidents.get(0)).getString("state")).isEqualTo("VERIFYING");
            first.killHard();
        }

        try (NodeProcess second = NodeProcess.startDemo(data, cluster)) {
            DeviceClient client = new DeviceClient(second);
            for (String id : incidents) {
                JsonObject incident = await().atMost(Duration.ofSeconds(60)).until(() -> client.incident(id),
                        i -> "DISPATCHED".equals(i.getString("state")) && allSent(i.getJsonArray("notifications")));
                assertThat(incident.getJsonObject("unit")).isNotNull();
            }
        }
    }

    private static boolean allSent(JsonArray notifications) {
        return !notifications.isEmpty() && notifications.stream()
                .allMatch(n -> "SENT".equals(((JsonObject) n).getString("status")));
    }
}
