package org.sahaya.server.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.server.PartnerClient.coordinator;
import static org.sahaya.server.PartnerClient.fleetKey;
import static org.sahaya.server.PartnerClient.status;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
 * After the dispatch, over real HTTP: a crew that declines or breaks down is replaced at once with
 * the bed kept; a hand-over closes the incident with the bed occupied; the coordinator closes and
 * overrides with reasons on the timeline, and every refusal changes nothing.
 */
class UnitLifecycleTest {

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
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aDeclineAndThenABreakdownEachSendTheNextUnitAndKeepTheBed() {
        JsonObject first = dispatchedFall("demo-0101");
        String id = first.getString("id");
        String declined = unitOf(first);

        assertThat(partners.put("/api/v1/units/" + declined + "/status", fleetKey(declined),
                status("AVAILABLE").put("note", "crew declined")).statusCode()).isEqualTo(200);

        JsonObject second = await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(id),
                i -> "DISPATCHED".equals(i.getString("state")) && i.getJsonObject("unit") != null
                        && !declined.equals(unitOf(i)));
        assertThat(second.getJsonObject("hospital").getString("id")).isEqualTo(first.getJsonObject("hospital").getString("id"));
        assertThat(stages(second)).contains("UNIT_LEFT");
        assertThat(messages(second)).anyMatch(m -> m.contains("(declined this incident)"));
        assertThat(messages(second)).anyMatch(m -> m.contains("bed kept"));
        assertThat(partners.get("/api/v1/units/" + declined).getString("status")).isEqualTo("AVAILABLE");

        String broken = unitOf(second);
        partners.put("/api/v1/units/" + broken + "/status", fleetKey(broken), status("EN_ROUTE"));
        assertThat(partners.put("/api/v1/units/" + broken + "/status", fleetKey(broken), status("OUT_OF_SERVICE")).statusCode())
                .isEqualTo(200);

        JsonObject third = await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(id),
                i -> "DISPATCHED".equals(i.getString("state")) && i.getJsonObject("unit") != null && !broken.equals(unitOf(i)));
        // The crew that declined is never offered the incident again, though it is free and nearest.
        assertThat(unitOf(third)).isNotEqualTo(declined);
        assertThat(third.getJsonObject("hospital").getString("id")).isEqualTo(first.getJsonObject("hospital").getString("id"));
        assertThat(partners.get("/api/v1/units/" + broken).getString("incidentId")).isNull();
        assertThat(reservationsAt(third.getJsonObject("hospital").getString("id"), id)).isEqualTo(1);
    }

    @Test
    void aHandOverAtTheHospitalClosesTheIncidentAndTheBedStaysOccupied() {
        JsonObject incident = dispatchedFall("demo-0102");
        String id = incident.getString("id");
        String unit = unitOf(incident);
        String hospital = incident.getJsonObject("hospital").getString("id");
        int freeBefore = free(hospital);

        for (String s : List.of("EN_ROUTE", "ON_SCENE", "TRANSPORTING", "AT_HOSPITAL")) {
            assertThat(partners.put("/api/v1/units/" + unit + "/status", fleetKey(unit), status(s)).statusCode()).isEqualTo(200);
        }
        assertThat(devices.incident(id).getString("state")).isEqualTo("DISPATCHED");
        assertThat(partners.put("/api/v1/units/" + unit + "/status", fleetKey(unit), status("RETURNING")).statusCode()).isEqualTo(200);

        JsonObject closed = devices.incident(id);
        assertThat(closed.getString("state")).isEqualTo("CLOSED");
        assertThat(stages(closed)).contains("UNIT_EN_ROUTE", "UNIT_ON_SCENE", "UNIT_AT_HOSPITAL", "CLOSED");
        assertThat(reservationsAt(hospital, id)).isZero();
        assertThat(free(hospital)).isEqualTo(freeBefore);
        assertThat(partners.put("/api/v1/units/" + unit + "/status", fleetKey(unit), status("AVAILABLE")).statusCode()).isEqualTo(200);
    }

    @Test
    void theCoordinatorClosesAnIncidentWithAReasonAndTheUnitAndBedAreFreed() {
        JsonObject incident = dispatchedFall("demo-0103");
        String id = incident.getString("id");
        String unit = unitOf(incident);
        String hospital = incident.getJsonObject("hospital").getString("id");
        int freeBefore = free(hospital);

        HttpResponse<String> r = partners.post("/api/v1/incidents/" + id + "/close", coordinator(node),
                new JsonObject().put("reason", "false alarm confirmed by phone"));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject closed = new JsonObject(r.body());
        assertThat(closed.getString("state")).isEqualTo("CLOSED");
        assertThat(closed.getJsonArray("timeline").stream().map(o -> ((JsonObject) o).getString("message")))
                .anyMatch(m -> m.contains("by demo-coordinator: false alarm confirmed by phone"));
        assertThat(partners.get("/api/v1/units/" + unit).getString("status")).isEqualTo("AVAILABLE");
        assertThat(free(hospital)).isEqualTo(freeBefore + 1);

        HttpResponse<String> again = partners.post("/api/v1/incidents/" + id + "/close", coordinator(node),
                new JsonObject().put("reason", "twice"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(free(hospital)).isEqualTo(freeBefore + 1);
        assertThat(partners.post("/api/v1/incidents/INC-NOPE/close", coordinator(node),
                new JsonObject().put("reason", "gone")).statusCode()).isEqualTo(404);
    }

    @Test
    void theCoordinatorSendsAnotherUnitWithAReasonAndTheReplacedUnitIsFreed() {
        JsonObject incident = dispatchedFall("demo-0104");
        String id = incident.getString("id");
        String replaced = unitOf(incident);
        String chosen = availableUnitOtherThan(replaced);

        HttpResponse<String> r = partners.post("/api/v1/incidents/" + id + "/assignment", coordinator(node),
                new JsonObject().put("unitId", chosen).put("reason", "crew knows the building"));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject now = new JsonObject(r.body());
        assertThat(unitOf(now)).isEqualTo(chosen);
        assertThat(stages(now)).contains("OVERRIDE");
        assertThat(now.getJsonArray("timeline").stream().map(o -> ((JsonObject) o).getString("message")))
                .anyMatch(m -> m.contains("Coordinator demo-coordinator assigned unit") && m.contains("crew knows the building"));
        assertThat(partners.get("/api/v1/units/" + replaced).getString("status")).isEqualTo("AVAILABLE");
        assertThat(partners.get("/api/v1/units/" + chosen).getString("incidentId")).isEqualTo(id);
    }

    @Test
    void anOverrideThatCannotBeDoneIsRefusedAndChangesNothing() {
        JsonObject busy = dispatchedFall("demo-0105");
        JsonObject incident = dispatchedFall("demo-0106");
        String id = incident.getString("id");

        HttpResponse<String> taken = partners.post("/api/v1/incidents/" + id + "/assignment", coordinator(node),
                new JsonObject().put("unitId", unitOf(busy)).put("reason", "closer"));
        HttpResponse<String> unknownUnit = partners.post("/api/v1/incidents/" + id + "/assignment", coordinator(node),
                new JsonObject().put("unitId", "AMB-999").put("reason", "closer"));
        HttpResponse<String> unknownIncident = partners.post("/api/v1/incidents/INC-NOPE/assignment", coordinator(node),
                new JsonObject().put("unitId", unitOf(busy)).put("reason", "closer"));
        HttpResponse<String> noReason = partners.post("/api/v1/incidents/" + id + "/assignment", coordinator(node),
                new JsonObject().put("unitId", unitOf(busy)));
        HttpResponse<String> fleetKey = partners.post("/api/v1/incidents/" + id + "/assignment", fleetKey("AMB-001"),
                new JsonObject().put("unitId", unitOf(busy)).put("reason", "closer"));

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(taken.body()).getString("field")).isEqualTo("unitId");
        assertThat(unknownUnit.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(unknownUnit.body()).getString("field")).isEqualTo("unitId");
        assertThat(unknownIncident.statusCode()).isEqualTo(404);
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(fleetKey.statusCode()).isEqualTo(403);
        assertThat(unitOf(devices.incident(id))).isEqualTo(unitOf(incident));
        assertThat(unitOf(devices.incident(busy.getString("id")))).isEqualTo(unitOf(busy));
        assertThat(stages(devices.incident(id))).doesNotContain("OVERRIDE");
    }

    private static JsonObject dispatchedFall(String device) {
        HttpResponse<String> r = devices.send(device, DeviceClient.alert("fall-" + device, device, "FALL").encode());
        assertThat(r.statusCode()).isEqualTo(202);
        String id = new JsonObject(r.body()).getString("incidentId");
        return await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(id),
                i -> "DISPATCHED".equals(i.getString("state")) && i.getJsonObject("hospital") != null);
    }

    private static String unitOf(JsonObject incident) {
        JsonObject unit = incident.getJsonObject("unit");
        return unit == null ? null : unit.getString("id");
    }

    private static List<String> stages(JsonObject incident) {
        return incident.getJsonArray("timeline").stream().map(o -> ((JsonObject) o).getString("stage")).toList();
    }

    private static List<String> messages(JsonObject incident) {
        return incident.getJsonArray("timeline").stream().map(o -> ((JsonObject) o).getString("message")).toList();
    }

    private static int free(String hospital) {
        return partners.get("/api/v1/hospitals/" + hospital).getJsonObject("freeBeds").getInteger("ER", 0);
    }

    private static long reservationsAt(String hospital, String incidentId) {
        return node.grid().hospitals().get(hospital).reservations().keySet().stream().filter(incidentId::equals).count();
    }

    private static String availableUnitOtherThan(String unit) {
        for (int n = 1; n <= 44; n++) {
            String id = String.format("AMB-%03d", n);
            JsonObject u = partners.get("/api/v1/units/" + id);
            if (!id.equals(unit) && "AVAILABLE".equals(u.getString("status"))) {
                return id;
            }
        }
        throw new AssertionError("no available unit in the demo city");
    }
}
