package org.sahaya.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahaya.server.PartnerClient.coordinator;
import static org.sahaya.server.PartnerClient.fleetKey;
import static org.sahaya.server.PartnerClient.hospitalKey;
import static org.sahaya.server.PartnerClient.status;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.persistence.HospitalRepository;
import org.sahaya.core.persistence.UnitRepository;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.index.Candidate;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.TestNode;

/**
 * The fleet and hospital partner API over real HTTP against a demo node: positions and statuses
 * reach the grid and the fleet index, beds reach the bed board, and every bad request gets a
 * specific problem and changes nothing.
 */
class PartnerApiTest {

    @TempDir
    static Path data;
    static Node node;
    static PartnerClient client;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(data, true);
        client = new PartnerClient(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aPositionReportMovesTheUnitInTheGridAndTheFleetIndex() {
        // Far to the north of the city, where no other unit is.
        HttpResponse<String> r = client.post("/api/v1/units/AMB-040/position", fleetKey("AMB-040"),
                new JsonObject().put("lat", 13.40).put("lon", 77.60));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(r.body()).getJsonObject("position").getDouble("lat")).isEqualTo(13.40);
        assertThat(client.get("/api/v1/units/AMB-040").getJsonObject("position").getDouble("lat")).isEqualTo(13.40);
        UnitLevel level = UnitLevel.valueOf(client.get("/api/v1/units/AMB-040").getString("level"));
        List<Candidate> nearest = node.fleet().nearestAvailable(GeoPoint.of(13.40, 77.60), UnitLevel.BLS == level
                ? UnitLevel.BLS : UnitLevel.ALS, 1, 5_000);
        assertThat(nearest).extracting(Candidate::unitId).containsExactly("AMB-040");
    }

    @Test
    void impossibleCoordinatesAreRefusedNamingTheFieldAndChangeNothing() {
        JsonObject before = client.get("/api/v1/units/AMB-041");

        HttpResponse<String> lat = client.post("/api/v1/units/AMB-041/position", fleetKey("AMB-041"),
                new JsonObject().put("lat", 91.0).put("lon", 77.6));
        HttpResponse<String> lon = client.post("/api/v1/units/AMB-041/position", fleetKey("AMB-041"),
                new JsonObject().put("lat", 12.9).put("lon", -181.0));

        assertThat(lat.statusCode()).isEqualTo(422);
        assertThat(new JsonObject(lat.body()).getString("field")).isEqualTo("lat");
        assertThat(lon.statusCode()).isEqualTo(422);
        assertThat(new JsonObject(lon.body()).getString("field")).isEqualTo("lon");
        assertThat(client.get("/api/v1/units/AMB-041")).isEqualTo(before);
    }

    @Test
    void anUnknownUnitIsNotFoundAndNothingIsCreated() {
        HttpResponse<String> position = client.post("/api/v1/units/AMB-999/position", fleetKey("AMB-999"),
                new JsonObject().put("lat", 12.9).put("lon", 77.6));
        HttpResponse<String> status = client.put("/api/v1/units/AMB-999/status", fleetKey("AMB-999"), status("OUT_OF_SERVICE"));

        assertThat(position.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(position.body()).getString("type")).endsWith("unit-not-found");
        assertThat(status.statusCode()).isEqualTo(404);
        assertThat(client.send("GET", "/api/v1/units/AMB-999", org.sahaya.server.Staff.supervisor(node), null).statusCode()).isEqualTo(404);
        assertThat(node.grid().units().containsKey("AMB-999")).isFalse();
    }

    @Test
    void anIllegalStatusTransitionNamesFromAndToAndChangesNothing() {
        JsonObject before = client.get("/api/v1/units/AMB-042");
        assertThat(before.getString("status")).isEqualTo("AVAILABLE");

        HttpResponse<String> r = client.put("/api/v1/units/AMB-042/status", fleetKey("AMB-042"), status("ON_SCENE"));

        assertThat(r.statusCode()).isEqualTo(409);
        JsonObject problem = new JsonObject(r.body());
        assertThat(problem.getString("type")).endsWith("illegal-status-transition");
        assertThat(problem.getString("detail")).contains("from AVAILABLE to ON_SCENE");
        assertThat(problem.getString("field")).isEqualTo("status");
        assertThat(client.get("/api/v1/units/AMB-042")).isEqualTo(before);
    }

    @Test
    void onlyADispatchSetsDispatched() {
        HttpResponse<String> r = client.put("/api/v1/units/AMB-042/status", fleetKey("AMB-042"), status("DISPATCHED"));

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(new JsonObject(r.body()).getString("field")).isEqualTo("status");
        assertThat(client.get("/api/v1/units/AMB-042").getString("status")).isEqualTo("AVAILABLE");
    }

    @Test
    void aUnitTakenOutOfServiceIsNoLongerACandidateAndComesBackWhenAvailable() {
        assertThat(client.put("/api/v1/units/AMB-043/status", fleetKey("AMB-043"), status("OUT_OF_SERVICE").put("note", "tyre"))
                .statusCode()).isEqualTo(200);
        assertThat(client.get("/api/v1/units/AMB-043").getString("status")).isEqualTo("OUT_OF_SERVICE");

        assertThat(client.put("/api/v1/units/AMB-043/status", fleetKey("AMB-043"), status("AVAILABLE")).statusCode()).isEqualTo(200);
        assertThat(client.get("/api/v1/units/AMB-043").getString("status")).isEqualTo("AVAILABLE");
    }

    @Test
    void theFleetApiIsClosedWithoutAKeyAndToOtherPartnersKeys() {
        JsonObject body = new JsonObject().put("lat", 12.9).put("lon", 77.6);

        HttpResponse<String> none = client.post("/api/v1/units/AMB-041/position", null, body);
        HttpResponse<String> wrong = client.post("/api/v1/units/AMB-041/position", "not-a-key", body);
        HttpResponse<String> hospital = client.post("/api/v1/units/AMB-041/position", hospitalKey("H-01"), body);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(none.body()).getString("type")).isEqualTo("urn:sahaya:problem:unauthenticated");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(wrong.body()).getString("field")).isEqualTo("X-Api-Key");
        assertThat(hospital.statusCode()).isEqualTo(403);
        assertThat(client.get("/api/v1/units/AMB-041").getJsonObject("position").getDouble("lat")).isNotEqualTo(12.9);
    }

    @Test
    void aHospitalReportsItsFreeBedsPerKind() {
        HttpResponse<String> r = client.put("/api/v1/hospitals/H-05/beds", hospitalKey("H-05"),
                new JsonObject().put("freeBeds", new JsonObject().put("ICU", 7).put("STROKE", 0)));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject board = client.get("/api/v1/hospitals/H-05");
        assertThat(board.getJsonObject("freeBeds").getInteger("ICU")).isEqualTo(7);
        assertThat(board.getJsonObject("freeBeds").getInteger("STROKE")).isZero();
        assertThat(node.grid().hospitals().get("H-05").free(org.sahaya.core.hospital.BedKind.ICU)).isEqualTo(7);
    }

    @Test
    void badBedReportsAreRefusedNamingTheFieldAndChangeNothing() {
        JsonObject before = client.get("/api/v1/hospitals/H-06");

        HttpResponse<String> negative = client.put("/api/v1/hospitals/H-06/beds", hospitalKey("H-06"),
                new JsonObject().put("freeBeds", new JsonObject().put("ER", -1)));
        HttpResponse<String> unknownKind = client.put("/api/v1/hospitals/H-06/beds", hospitalKey("H-06"),
                new JsonObject().put("freeBeds", new JsonObject().put("MATERNITY", 3)));
        HttpResponse<String> unknownHospital = client.put("/api/v1/hospitals/H-99/beds", hospitalKey("H-06"),
                new JsonObject().put("freeBeds", new JsonObject().put("ER", 3)));
        HttpResponse<String> fleetKey = client.put("/api/v1/hospitals/H-06/beds", fleetKey("AMB-001"),
                new JsonObject().put("freeBeds", new JsonObject().put("ER", 3)));

        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(new JsonObject(negative.body()).getString("field")).isEqualTo("freeBeds/ER");
        assertThat(unknownKind.statusCode()).isEqualTo(422);
        // a hospital's key sets only its own beds, known or not
        assertThat(unknownHospital.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(unknownHospital.body()).getString("type")).endsWith("not-your-hospital");
        assertThat(fleetKey.statusCode()).isEqualTo(403);
        assertThat(client.get("/api/v1/hospitals/H-06")).isEqualTo(before);
        assertThat(node.grid().hospitals().containsKey("H-99")).isFalse();
    }

    @Test
    void aCoordinatorKeyMayCorrectUnitsAndBeds() {
        assertThat(client.put("/api/v1/units/AMB-044/status", coordinator(node), status("OUT_OF_SERVICE")).statusCode())
                .isEqualTo(200);
        assertThat(client.put("/api/v1/units/AMB-044/status", coordinator(node), status("AVAILABLE")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aFleetKeyMovesNoUnitOfAnotherFleetAndChangesNothing() {
        Unit gridBefore = node.grid().units().get("AMB-037");
        Unit storedBefore = stored("AMB-037");
        String otherFleet = fleetKey("AMB-038");   // AMB-038 belongs to the next fleet
        assertThat(otherFleet).isNotEqualTo(fleetKey("AMB-037"));

        HttpResponse<String> moved = client.post("/api/v1/units/AMB-037/position", otherFleet,
                new JsonObject().put("lat", 13.30).put("lon", 77.50));
        HttpResponse<String> parked = client.put("/api/v1/units/AMB-037/status", otherFleet, status("OUT_OF_SERVICE"));

        assertThat(moved.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(moved.body()).getString("type")).isEqualTo("urn:sahaya:problem:not-your-unit");
        assertThat(parked.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(parked.body()).getString("type")).isEqualTo("urn:sahaya:problem:not-your-unit");
        assertThat(node.grid().units().get("AMB-037")).isEqualTo(gridBefore);
        assertThat(stored("AMB-037")).isEqualTo(storedBefore);
    }

    @Test
    void aHospitalKeySetsNoOtherHospitalsBedsAndChangesNothing() {
        Hospital gridBefore = node.grid().hospitals().get("H-08");
        Hospital storedBefore = node.database().withConnection(c -> new HospitalRepository().find(c, "H-08")).orElseThrow();

        HttpResponse<String> r = client.put("/api/v1/hospitals/H-08/beds", hospitalKey("H-09"),
                new JsonObject().put("freeBeds", new JsonObject().put("ER", 99)));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(r.body()).getString("type")).isEqualTo("urn:sahaya:problem:not-your-hospital");
        assertThat(node.grid().hospitals().get("H-08")).isEqualTo(gridBefore);
        Hospital storedAfter = node.database().withConnection(c -> new HospitalRepository().find(c, "H-08")).orElseThrow();
        assertThat(storedAfter).isEqualTo(storedBefore);
    }

    @Test
    void aFleetListsOnlyItsOwnUnitsAndEveryHospitalAHospitalOnlyItself() {
        JsonArray fleet = new JsonArray(client.send("GET", "/api/v1/units?limit=1000", fleetKey("AMB-002"), null).body());
        JsonArray ownHospital = new JsonArray(client.send("GET", "/api/v1/hospitals", hospitalKey("H-03"), null).body());
        JsonArray hospitals = new JsonArray(client.send("GET", "/api/v1/hospitals", fleetKey("AMB-002"), null).body());

        assertThat(fleet).isNotEmpty();
        assertThat(fleet.stream().map(u -> ((JsonObject) u).getString("partner"))).containsOnly("FLEET-2");
        assertThat(fleet.stream().map(u -> ((JsonObject) u).getString("id"))).contains("AMB-002", "AMB-005")
                .doesNotContain("AMB-001", "AMB-003");
        assertThat(ownHospital).hasSize(1);
        assertThat(ownHospital.getJsonObject(0).getString("partner")).isEqualTo("H-03");
        assertThat(hospitals).hasSize(22);
        assertThat(client.send("GET", "/api/v1/units", hospitalKey("H-03"), null).statusCode()).isEqualTo(403);
    }

    @Test
    void theUnitListIsPagedById() {
        HttpResponse<String> first = client.send("GET", "/api/v1/units?limit=2", fleetKey("AMB-001"), null);
        String after = first.headers().firstValue("X-Next-After").orElseThrow();
        JsonArray next = new JsonArray(client.send("GET", "/api/v1/units?limit=2&after=" + after, fleetKey("AMB-001"), null)
                .body());

        assertThat(new JsonArray(first.body()).stream().map(u -> ((JsonObject) u).getString("id")))
                .containsExactly("AMB-001", "AMB-004");
        assertThat(after).isEqualTo("AMB-004");
        assertThat(next.stream().map(u -> ((JsonObject) u).getString("id"))).containsExactly("AMB-007", "AMB-010");
    }

    private static Unit stored(String id) {
        return node.database().withConnection(c -> new UnitRepository().find(c, id)).orElseThrow();
    }

}
