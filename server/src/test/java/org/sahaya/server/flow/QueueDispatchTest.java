package org.sahaya.server.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.server.PartnerClient.coordinator;
import static org.sahaya.server.PartnerClient.fleetKey;
import static org.sahaya.server.PartnerClient.status;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.TestNode;

/**
 * The queue over real HTTP: with one ambulance on duty, later emergencies wait visibly and are
 * dispatched the moment it frees up, the most urgent first even if it came later.
 */
class QueueDispatchTest {

    @TempDir
    static Path data;
    static Node node;
    static DeviceClient devices;
    static PartnerClient partners;
    static String onDuty;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(data, true);
        devices = new DeviceClient(node);
        partners = new PartnerClient(node);
        // Every unit but one ALS unit goes off duty.
        for (int n = 1; n <= 44; n++) {
            String id = String.format("AMB-%03d", n);
            if (onDuty == null && "ALS".equals(partners.get("/api/v1/units/" + id).getString("level"))) {
                onDuty = id;
                continue;
            }
            assertThat(partners.put("/api/v1/units/" + id + "/status", fleetKey(id), status("OUT_OF_SERVICE")).statusCode())
                    .isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void waitingIncidentsAreDispatchedWhenTheUnitFreesUpMostUrgentFirst() {
        String first = alert("demo-0201", "FALL");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DISPATCHED".equals(devices.incident(first).getString("state")));
        String fall = alert("demo-0202", "FALL");
        await().atMost(Duration.ofSeconds(10)).until(() -> "QUEUED".equals(devices.incident(fall).getString("state")));
        String sos = alert("demo-0203", "SOS");
        await().atMost(Duration.ofSeconds(10)).until(() -> "QUEUED".equals(devices.incident(sos).getString("state")));

        JsonArray queue = new JsonArray(devices.get("/api/v1/incidents?state=QUEUED").body());
        assertThat(queue.stream().map(o -> ((JsonObject) o).getString("id"))).contains(fall, sos);
        assertThat(queue.stream().map(o -> ((JsonObject) o).getLong("waitingSeconds"))).allMatch(w -> w != null && w >= 0);

        close(first);
        JsonObject urgent = await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(sos),
                i -> "DISPATCHED".equals(i.getString("state")));
        assertThat(urgent.getJsonObject("unit").getString("id")).isEqualTo(onDuty);
        assertThat(devices.incident(fall).getString("state")).isEqualTo("QUEUED");

        close(sos);
        JsonObject older = await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(fall),
                i -> "DISPATCHED".equals(i.getString("state")));
        assertThat(older.getJsonObject("unit").getString("id")).isEqualTo(onDuty);
    }

    private static String alert(String device, String type) {
        return new JsonObject(devices.send(device, DeviceClient.alert(type + "-" + device, device, type).encode()).body())
                .getString("incidentId");
    }

    private static void close(String incident) {
        assertThat(partners.post("/api/v1/incidents/" + incident + "/close", coordinator(node),
                new JsonObject().put("reason", "crew finished")).statusCode()).isEqualTo(200);
    }
}
