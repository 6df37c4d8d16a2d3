package org.sahaya.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.server.PartnerClient.coordinator;
import static org.sahaya.server.PartnerClient.fleetKey;
import static org.sahaya.server.PartnerClient.status;

import io.vertx.core.json.JsonObject;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.fleet.Unit;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.Staff;

/**
 * The minority side of a split changes no dispatch: a coordinator's override and a crew leaving its
 * incident (which would send another unit) answer 503 problem+json naming "minority" and leave the
 * incident and both units as they were. Reports that dispatch nothing still go through.
 */
class MinorityFenceTest {

    @TempDir
    Path data;

    @Test
    void aMemberWithoutMajorityRefusesOverridesAndReDispatchAndChangesNothing() throws Exception {
        try (ThreeMembers cluster = new ThreeMembers(data, Map.of())) {
            cluster.startAll();
            Node lone = cluster.node(0);
            // Members talk over the event-bus port they were given, not one picked at start.
            try (Socket bus = new Socket("127.0.0.1", cluster.eventBusPort(0))) {
                assertThat(bus.isConnected()).isTrue();
            }
            DeviceClient devices = new DeviceClient(lone);
            PartnerClient partners = new PartnerClient(lone);
            HttpResponse<String> accepted = devices.send("demo-0210",
                    DeviceClient.alert("fence-1", "demo-0210", "FALL").encode());
            assertThat(accepted.statusCode()).isEqualTo(202);
            String incidentId = new JsonObject(accepted.body()).getString("incidentId");
            JsonObject dispatched = await().atMost(Duration.ofSeconds(20)).until(() -> devices.incident(incidentId),
                    MemberLossTest::dispatched);
            String sent = dispatched.getJsonObject("unit").getString("id");
            String other = lone.grid().units().values().stream().filter(Unit::isAvailable).map(Unit::id)
                    .filter(id -> !id.equals(sent)).findFirst().orElseThrow();

            String jobId = await().atMost(Duration.ofSeconds(20)).until(() -> lone.database().withConnection(c -> {
                try (var ps = c.prepareStatement("SELECT id FROM jobs WHERE incident_id = ? AND unit_id = ?")) {
                    ps.setString(1, incidentId);
                    ps.setString(2, sent);
                    try (var rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            }), java.util.Objects::nonNull);

            cluster.crash(1);
            cluster.crash(2);
            Staff.forget(lone); // sessions kept on the dead members died with them: log in again
            DeviceClient management = new DeviceClient(lone.managementPort());
            await().atMost(Duration.ofSeconds(15)).until(() -> management.get("/health/ready").statusCode() == 503);

            HttpResponse<String> override = partners.post("/api/v1/incidents/" + incidentId + "/assignment",
                    coordinator(lone), new JsonObject().put("unitId", other).put("reason", "crew knows the building"));
            assertRefusedAsMinority(override);

            HttpResponse<String> decline = partners.put("/api/v1/units/" + sent + "/status", fleetKey(sent), status("AVAILABLE"));
            assertRefusedAsMinority(decline);
            // Issue 17: a crew's answer to its job waits for the majority too.
            assertRefusedAsMinority(partners.post("/api/v1/jobs/" + jobId + "/accept", fleetKey(sent), null));
            assertRefusedAsMinority(partners.post("/api/v1/jobs/" + jobId + "/decline", fleetKey(sent),
                    new JsonObject().put("reason", "crew unwell")));

            JsonObject after = devices.incident(incidentId);
            assertThat(after.getString("state")).isEqualTo("DISPATCHED");
            assertThat(after.getJsonObject("unit").getString("id")).isEqualTo(sent);
            assertThat(after.getJsonArray("timeline").stream().map(e -> ((JsonObject) e).getString("stage")))
                    .doesNotContain("OVERRIDE", "UNIT_LEFT");
            assertThat(partners.get("/api/v1/units/" + sent).getString("status")).isEqualTo("DISPATCHED");
            assertThat(partners.get("/api/v1/units/" + other).getString("status")).isEqualTo("AVAILABLE");

            // A report that sends nobody else is not a dispatch: the crew is on its way.
            assertThat(partners.put("/api/v1/units/" + sent + "/status", fleetKey(sent), status("EN_ROUTE")).statusCode())
                    .isEqualTo(200);
        }
    }

    private static void assertRefusedAsMinority(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getString("type")).endsWith("minority");
        assertThat(problem.getString("detail")).contains("minority").contains("Nothing changed");
    }
}
