package org.sahaya.server.cluster;

import org.sahaya.core.incident.TimelineStage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.dispatch.workflow.IncidentWorkflow;

/**
 * Split-brain protection: a member that sees fewer than a majority of the configured members stops
 * dispatching, says so in /health/ready, keeps accepting alerts, and dispatches what it held once a
 * majority is back.
 */
class MinoritySideTest {

    @TempDir
    Path data;

    @Test
    void aMemberWithoutMajorityHoldsDispatchReportsMinorityAndCatchesUpWhenAPeerReturns() throws Exception {
        try (ThreeMembers cluster = new ThreeMembers(data, Map.of())) {
            cluster.startAll();
            Node lone = cluster.node(0);
            DeviceClient client = new DeviceClient(lone);
            DeviceClient management = new DeviceClient(lone.managementPort());
            assertThat(management.get("/health/ready").statusCode()).isEqualTo(200);

            cluster.crash(1);
            cluster.crash(2);
            await().atMost(Duration.ofSeconds(15)).until(() -> management.get("/health/ready").statusCode() == 503);
            assertThat(management.get("/health/ready").body()).contains("minority");

            HttpResponse<String> accepted = client.send("demo-0200",
                    DeviceClient.alert("split-1", "demo-0200", "FALL").encode());
            assertThat(accepted.statusCode()).isEqualTo(202);
            String incidentId = new JsonObject(accepted.body()).getString("incidentId");
            JsonObject held = await().atMost(Duration.ofSeconds(15)).until(() -> client.incident(incidentId),
                    i -> i.getJsonArray("timeline").stream()
                            .anyMatch(e -> TimelineStage.DISPATCH_HELD.name().equals(((JsonObject) e).getString("stage"))));
            assertThat(held.getString("state")).isNotEqualTo("DISPATCHED");
            assertThat(held.getValue("unit")).isNull();

            cluster.start(1);
            cluster.awaitMembers(2);
            await().atMost(Duration.ofSeconds(15)).until(() -> management.get("/health/ready").statusCode() == 200);
            await().atMost(Duration.ofSeconds(20)).until(() -> MemberLossTest.dispatched(client.incident(incidentId)));
        }
    }
}
