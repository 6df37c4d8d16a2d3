package org.sahaya.server.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

class RestartTest {

    @TempDir
    Path data;

    @Test
    void restartKeepsIncidentsUnitsAndBeds() throws Exception {
        String id;
        JsonObject before;
        try (Node node = TestNode.start(data, true)) {
            DeviceClient client = new DeviceClient(node);
            id = new JsonObject(client.send("demo-0040", DeviceClient.alert("r-1", "demo-0040", "SOS").encode()).body())
                    .getString("incidentId");
            before = await().atMost(Duration.ofSeconds(20)).until(() -> client.incident(id),
                    i -> "DISPATCHED".equals(i.getString("state")) && !i.getJsonArray("notifications").isEmpty());
        }
        try (Node node = TestNode.start(data, true)) {
            JsonObject after = new DeviceClient(node).incident(id);

            assertThat(after.getString("state")).isEqualTo("DISPATCHED");
            assertThat(after.getJsonObject("unit")).isEqualTo(before.getJsonObject("unit"));
            assertThat(after.getJsonObject("hospital")).isEqualTo(before.getJsonObject("hospital"));
            assertThat(after.getJsonArray("notifications").size()).isEqualTo(before.getJsonArray("notifications").size());
            assertThat(node.grid().units().get(after.getJsonObject("unit").getString("id")).incidentId()).isEqualTo(id);
            assertThat(node.grid().hospitals().get(after.getJsonObject("hospital").getString("id")).reservations())
                    .containsKey(id);
        }
    }

    @Test
    void aNodeNotInDemoModeRefusesDemoCredentials() throws Exception {
        try (Node demo = TestNode.start(data, true)) {
            assertThat(demo.httpPort()).isPositive();
        }
        // The demo node sealed its secrets with the master key it made; production is given that key explicitly.
        try (Node production = Node.start(TestNode.config(data, false,
                java.util.Map.of("SAHAYA_MASTER_KEY_FILE", data.resolve("master.key").toString())), java.time.Clock.systemUTC())) {
            HttpResponse<String> r = new DeviceClient(production)
                    .send("demo-0041", DeviceClient.alert("p-1", "demo-0041", "FALL").encode());

            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(new JsonObject(r.body()).getString("type")).isEqualTo("urn:sahaya:problem:demo-credentials-refused");
        }
    }
}
