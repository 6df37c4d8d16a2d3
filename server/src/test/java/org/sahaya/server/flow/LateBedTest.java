package org.sahaya.server.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.server.PartnerClient.hospitalKey;

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

/** An ambulance sent without a bed (none free anywhere) gets one as soon as a hospital reports a free bed. */
class LateBedTest {

    @TempDir
    static Path data;
    static Node node;
    static DeviceClient devices;
    static PartnerClient partners;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(data, true);
        devices = new DeviceClient(node);
        partners = new PartnerClient(node);
        for (int n = 1; n <= 22; n++) {
            assertThat(partners.put(String.format("/api/v1/hospitals/H-%02d/beds", n), hospitalKey(String.format("H-%02d", n)),
                    new JsonObject().put("freeBeds", new JsonObject().put("ER", 0))).statusCode()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anIncidentDispatchedWithoutABedGetsOneWhenAHospitalReportsFreeBeds() {
        String id = new JsonObject(devices.send("demo-0301", DeviceClient.alert("fall-301", "demo-0301", "FALL").encode())
                .body()).getString("incidentId");
        JsonObject noBed = await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(id),
                i -> "DISPATCHED".equals(i.getString("state")));
        assertThat(noBed.getJsonObject("hospital")).isNull();
        assertThat(stages(noBed)).contains("NO_BED");

        assertThat(partners.put("/api/v1/hospitals/H-07/beds", hospitalKey("H-07"),
                new JsonObject().put("freeBeds", new JsonObject().put("ER", 2))).statusCode()).isEqualTo(200);

        JsonObject withBed = devices.incident(id);
        assertThat(withBed.getJsonObject("hospital").getString("id")).isEqualTo("H-07");
        assertThat(stages(withBed)).contains("BED_RESERVED");
        JsonObject board = partners.get("/api/v1/hospitals/H-07");
        assertThat(board.getJsonObject("freeBeds").getInteger("ER")).isEqualTo(1);
        assertThat(board.getJsonObject("reservedBeds").getInteger("ER")).isEqualTo(1);
    }

    private static java.util.List<String> stages(JsonObject incident) {
        return incident.getJsonArray("timeline").stream().map(o -> ((JsonObject) o).getString("stage")).toList();
    }
}
