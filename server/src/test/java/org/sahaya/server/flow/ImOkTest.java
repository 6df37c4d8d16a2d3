package org.sahaya.server.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/** "I'm OK" over HTTP: before dispatch it stands the incident down and tells the family; after, the coordinator decides. */
class ImOkTest {

    @TempDir
    static Path data;
    static Node node;
    static DeviceClient client;

    @BeforeAll
    static void start() throws Exception {
        // A fall waits a minute for an "I'm OK"; an SOS is dispatched at once.
        node = Node.start(TestNode.config(data, true, Map.of("SAHAYA_VERIFY_FALL_SECONDS", "60")), Clock.systemUTC());
        client = new DeviceClient(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void imOkWithinTheVerificationWindowStandsTheFallDownAndTellsTheFamilyOnce() {
        String id = incidentOf(client.send("demo-0021", DeviceClient.alert("fall-21", "demo-0021", "FALL").encode()).body());
        assertThat(client.incident(id).getString("state")).isEqualTo("VERIFYING");

        String okBody = DeviceClient.alert("ok-21", "demo-0021", "CANCEL").encode();
        assertThat(client.send("demo-0021", okBody).statusCode()).isEqualTo(202);

        JsonObject incident = await().atMost(Duration.ofSeconds(20)).until(() -> client.incident(id),
                i -> !i.getJsonArray("notifications").isEmpty()
                        && i.getJsonArray("notifications").stream().noneMatch(n -> "PENDING".equals(field(n, "status"))));
        assertThat(incident.getString("state")).isEqualTo("CANCELLED");
        assertThat(incident.getValue("unit")).isNull();
        assertThat(incident.getJsonArray("notifications")).allSatisfy(n -> {
            assertThat(field(n, "step")).isEqualTo("STOOD_DOWN");
            assertThat(field(n, "status")).isEqualTo("SENT");
        });
        int told = incident.getJsonArray("notifications").size();

        assertThat(client.send("demo-0021", okBody).statusCode()).isEqualTo(202); // the device resends its "I'm OK"
        assertThat(client.incident(id).getJsonArray("notifications")).hasSize(told);
    }

    @Test
    void imOkAfterDispatchKeepsTheAmbulanceAndPutsItBeforeTheCoordinator() {
        String id = incidentOf(client.send("demo-0022", DeviceClient.alert("sos-22", "demo-0022", "SOS").encode()).body());
        await().atMost(Duration.ofSeconds(20)).until(() -> client.incident(id).getString("state"), "DISPATCHED"::equals);

        JsonObject answer = new JsonObject(client.send("demo-0022",
                DeviceClient.alert("ok-22", "demo-0022", "CANCEL").encode()).body());

        assertThat(answer.getString("incidentId")).isEqualTo(id);
        assertThat(answer.getString("status")).isEqualTo("JOINED");
        JsonObject incident = await().atMost(Duration.ofSeconds(20)).until(() -> client.incident(id),
                i -> stages(i).contains("IM_OK_AFTER_DISPATCH"));
        assertThat(incident.getString("state")).isEqualTo("DISPATCHED");
        assertThat(incident.getJsonObject("unit").getString("status")).isEqualTo("DISPATCHED");
        assertThat(incident.getJsonArray("notifications")).noneSatisfy(n ->
                assertThat(field(n, "step")).isEqualTo("STOOD_DOWN"));
    }

    private static String incidentOf(String body) {
        return new JsonObject(body).getString("incidentId");
    }

    private static String field(Object json, String name) {
        return ((JsonObject) json).getString(name);
    }

    private static List<String> stages(JsonObject incident) {
        return incident.getJsonArray("timeline").stream().map(o -> ((JsonObject) o).getString("stage")).toList();
    }
}
