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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.TestNode;

/**
 * BLS first and live ETA over real HTTP on the demo city: with every ALS unit off duty an SOS gets the
 * nearest BLS unit and an ALS follow-up; an ALS unit back on duty is sent as the second unit and the
 * incident JSON shows it ({@code supportUnit}, {@code alsFollowUp}); positions of the first unit on its
 * way move {@code etaSeconds} and {@code etaUpdatedAt}; closing frees both units.
 */
class TieredResponseApiTest {

    @TempDir
    static Path data;
    static Node node;
    static DeviceClient devices;
    static PartnerClient partners;
    static final List<String> advanced = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(data, true);
        devices = new DeviceClient(node);
        partners = new PartnerClient(node);
        for (int n = 1; n <= 44; n++) {
            String id = String.format("AMB-%03d", n);
            if ("ALS".equals(partners.get("/api/v1/units/" + id).getString("level"))) {
                advanced.add(id);
                assertThat(partners.put("/api/v1/units/" + id + "/status", fleetKey(id), status("OUT_OF_SERVICE")).statusCode())
                        .isEqualTo(200);
            }
        }
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anSosWithNoAlsUnitOnDutyGetsABasicUnitFirstThenTheAlsUnitBackOnDutyAsTheSecondUnit() {
        String sos = alert("demo-0301", "SOS");
        JsonObject first = await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(sos),
                i -> "DISPATCHED".equals(i.getString("state")));
        assertThat(first.getJsonObject("unit").getString("level")).isEqualTo("BLS");
        assertThat(first.getJsonObject("supportUnit")).isNull();
        assertThat(first.getJsonObject("alsFollowUp").getString("requestedAt")).isNotNull();
        assertThat(first.getJsonObject("alsFollowUp").getString("servedAt")).isNull();
        assertThat(messages(first, "DISPATCHED")).anyMatch(m -> m.contains("No ALS unit can arrive within 10 min (nearest: none free)")
                && m.contains("sent first"));

        String back = advanced.getFirst();
        assertThat(partners.put("/api/v1/units/" + back + "/status", fleetKey(back), status("AVAILABLE")).statusCode())
                .isEqualTo(200);

        JsonObject both = await().atMost(Duration.ofSeconds(20)).until(() -> devices.incident(sos),
                i -> i.getJsonObject("supportUnit") != null);
        assertThat(both.getJsonObject("supportUnit").getString("id")).isEqualTo(back);
        assertThat(both.getJsonObject("supportUnit").getString("callSign")).isNotBlank();
        assertThat(both.getJsonObject("supportUnit").getString("status")).isEqualTo("DISPATCHED");
        assertThat(both.getJsonObject("alsFollowUp").getString("servedAt")).isNotNull();
        assertThat(both.getJsonObject("unit").getString("id")).isEqualTo(first.getJsonObject("unit").getString("id"));
        assertThat(messages(both, "SUPPORT_UNIT_SENT")).singleElement().asString().contains("sent as a second unit");

        close(sos);
        String bls = first.getJsonObject("unit").getString("id");
        assertThat(partners.get("/api/v1/units/" + bls).getString("status")).isEqualTo("AVAILABLE");
        assertThat(partners.get("/api/v1/units/" + back).getString("status")).isEqualTo("AVAILABLE");
        JsonObject closed = devices.incident(sos);
        assertThat(closed.getJsonObject("supportUnit")).isNull();
        assertThat(closed.getJsonObject("alsFollowUp").getString("servedAt")).isNotNull();
    }

    @Test
    void positionsOfTheUnitOnItsWayMoveTheEtaTheCoordinatorSees() {
        String fall = alert("demo-0302", "FALL");
        JsonObject dispatched = await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(fall),
                i -> "DISPATCHED".equals(i.getString("state")));
        String unit = dispatched.getJsonObject("unit").getString("id");
        int atDispatch = dispatched.getInteger("etaSeconds");
        assertThat(dispatched.getString("etaUpdatedAt")).isEqualTo(dispatched.getString("dispatchedAt"));
        assertThat(dispatched.getJsonObject("alsFollowUp")).isNull();
        JsonObject scene = dispatched.getJsonObject("location");

        // Sent the wrong way first: 20 km north of the scene.
        assertThat(partners.post("/api/v1/units/" + unit + "/position", fleetKey(unit), new JsonObject()
                .put("lat", scene.getDouble("lat") + 0.18).put("lon", scene.getDouble("lon"))).statusCode()).isEqualTo(200);
        JsonObject away = devices.incident(fall);
        assertThat(away.getInteger("etaSeconds")).isGreaterThan(atDispatch + 15);
        assertThat(Instant.parse(away.getString("etaUpdatedAt"))).isAfter(Instant.parse(dispatched.getString("etaUpdatedAt")));
        assertThat(messages(away, "ETA_CHANGED")).singleElement().asString().contains("from its live position");

        // Then at the door.
        partners.post("/api/v1/units/" + unit + "/position", fleetKey(unit), new JsonObject()
                .put("lat", scene.getDouble("lat")).put("lon", scene.getDouble("lon")));
        assertThat(devices.incident(fall).getInteger("etaSeconds")).isLessThan(away.getInteger("etaSeconds") - 15);

        // Once on scene, positions no longer move it.
        partners.put("/api/v1/units/" + unit + "/status", fleetKey(unit), status("ON_SCENE"));
        int onScene = devices.incident(fall).getInteger("etaSeconds");
        partners.post("/api/v1/units/" + unit + "/position", fleetKey(unit), new JsonObject()
                .put("lat", scene.getDouble("lat") + 0.18).put("lon", scene.getDouble("lon")));
        assertThat(devices.incident(fall).getInteger("etaSeconds")).isEqualTo(onScene);
        close(fall);
    }

    private static List<String> messages(JsonObject incident, String stage) {
        JsonArray timeline = incident.getJsonArray("timeline");
        return timeline.stream().map(o -> (JsonObject) o).filter(s -> stage.equals(s.getString("stage")))
                .map(s -> s.getString("message")).toList();
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
