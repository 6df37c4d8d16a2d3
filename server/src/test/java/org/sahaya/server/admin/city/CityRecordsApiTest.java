package org.sahaya.server.admin.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.Staff;
import org.sahaya.server.TestNode;

/**
 * The administration of the city's records over HTTP on one demo node: units, hospitals, service areas
 * and DC-09 accounts created, changed, listed and removed, live in the grid and the fleet index at once;
 * every refusal names its field and changes nothing; each audit entry names the record touched.
 */
public class CityRecordsApiTest {

    @TempDir
    static Path dir;
    private static Node node;
    private static PartnerClient http;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(dir, true);
        http = new PartnerClient(node.httpPort());
        admin = "Bearer " + Staff.login(node, "demo-admin");
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    static JsonObject unit(String id, String callSign) {
        return new JsonObject().put("id", id).put("callSign", callSign).put("level", "ALS").put("station", "Mysuru")
                .put("position", new JsonObject().put("lat", 12.2958).put("lon", 76.6394))
                .put("capabilities", new JsonArray().add("oxygen").add("VENTILATOR"));
    }

    /** A square GeoJSON Feature of {@code 2 * half} degrees around the point (shared with other tests). */
    public static JsonObject square(double lat, double lon, double half) {
        JsonArray ring = new JsonArray()
                .add(new JsonArray().add(lon - half).add(lat - half)).add(new JsonArray().add(lon + half).add(lat - half))
                .add(new JsonArray().add(lon + half).add(lat + half)).add(new JsonArray().add(lon - half).add(lat + half))
                .add(new JsonArray().add(lon - half).add(lat - half));
        return new JsonObject().put("type", "Feature")
                .put("geometry", new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(ring)));
    }

    @Test
    void aUnitIsAddedChangedTakenOutOfServiceAndRemovedLive() {
        HttpResponse<String> refused = http.post("/api/v1/fleets/FLEET-1/units", admin,
                unit("API-1", "AP-01").put("level", "XLS").put("position", new JsonObject().put("lat", 100).put("lon", 76)));
        assertProblem(refused, 422, "level");
        assertThat(refused.body()).contains("position.lat");
        assertProblem(http.post("/api/v1/fleets/FLEET-NOPE/units", admin, unit("API-1", "AP-01")), 404, "fleet");
        assertThat(node.grid().units().get("API-1")).isNull();

        HttpResponse<String> created = http.post("/api/v1/fleets/FLEET-1/units", admin, unit("API-1", "AP-01"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject body = new JsonObject(created.body());
        assertThat(body.getString("fleet")).isEqualTo("FLEET-1");
        assertThat(body.getJsonArray("capabilities")).containsExactly("OXYGEN", "VENTILATOR");
        assertThat(node.grid().units().get("API-1").status()).isEqualTo(UnitStatus.AVAILABLE);
        await().atMost(Duration.ofSeconds(5)).until(() -> node.fleet().unit("API-1").isPresent());

        JsonObject fleet = new JsonObject(http.send("GET", "/api/v1/fleets/FLEET-1", "Bearer "
                + Staff.login(node, "demo-coordinator"), null).body());
        assertThat(fleet.getJsonArray("units").stream().map(u -> ((JsonObject) u).getString("id"))).contains("API-1");
        assertThat(http.send("GET", "/api/v1/fleets/FLEET-NOPE", admin, null).statusCode()).isEqualTo(404);
        assertProblem(http.post("/api/v1/fleets/FLEET-1/units", admin, unit("API-1", "AP-01")), 409, "id");
        assertProblem(http.post("/api/v1/fleets/FLEET-2/units", admin, unit("API-2", "AP-01")), 409, "callSign");

        HttpResponse<String> changed = http.put("/api/v1/units/API-1", admin, new JsonObject().put("callSign", "AP-11"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(node.grid().units().get("API-1").callSign()).isEqualTo("AP-11");
        assertThat(new JsonObject(changed.body()).getString("station")).isEqualTo("Mysuru");
        assertProblem(http.put("/api/v1/units/API-1", admin, new JsonObject().put("callSign", "AP-99").put("level", "XLS")),
                422, "level");
        assertThat(node.grid().units().get("API-1").callSign()).isEqualTo("AP-11");
        assertProblem(http.put("/api/v1/units/API-1", admin, new JsonObject().put("serviceArea", "nowhere")), 422,
                "serviceArea");
        assertProblem(http.put("/api/v1/units/API-NOPE", admin, new JsonObject().put("callSign", "AP-98")), 404, "id");

        http.put("/api/v1/units/API-1", admin, new JsonObject().put("inService", false));
        assertThat(node.grid().units().get("API-1").status()).isEqualTo(UnitStatus.OUT_OF_SERVICE);
        assertThat(list("/api/v1/units?status=OUT_OF_SERVICE&fleet=FLEET-1")).contains("API-1");
        http.put("/api/v1/units/API-1", admin, new JsonObject().put("inService", true));
        assertThat(node.grid().units().get("API-1").status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(list("/api/v1/units?level=BLS&limit=1000")).doesNotContain("API-1");

        HttpResponse<String> removed = http.send("DELETE", "/api/v1/units/API-1", admin, null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> node.grid().units().get("API-1") == null
                && node.fleet().unit("API-1").isEmpty());
        assertThat(http.send("GET", "/api/v1/units/API-1", admin, null).statusCode()).isEqualTo(404);
        assertThat(http.send("DELETE", "/api/v1/units/API-1", admin, null).statusCode()).isEqualTo(404);
        assertThat(list("/api/v1/units?fleet=FLEET-1&limit=1000")).doesNotContain("API-1");
        assertThat(audited("units/API-1")).contains("createUnit", "updateUnit", "deleteUnit");
    }

    @Test
    void aHospitalIsAddedAsAPartnerChangedAndRemoved() {
        JsonObject hospital = new JsonObject().put("id", "H-API").put("name", "Synthetic General")
                .put("position", new JsonObject().put("lat", 12.31).put("lon", 76.65)).put("phone", "+91 821 000 0000")
                .put("beds", new JsonObject().put("ER", new JsonObject().put("capacity", 10).put("free", 4))
                        .put("ICU", new JsonObject().put("capacity", 2)))
                .put("capabilities", new JsonArray().add("TRAUMA")).put("preferred", true);
        assertProblem(http.post("/api/v1/hospitals", admin, hospital.copy().put("beds", new JsonObject()
                .put("ER", new JsonObject().put("capacity", 1).put("free", 3)))), 422, "beds.ER.free");
        assertThat(node.grid().hospitals().get("H-API")).isNull();

        HttpResponse<String> created = http.post("/api/v1/hospitals", admin, hospital);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(node.grid().hospitals().get("H-API").free(org.sahaya.core.hospital.BedKind.ER)).isEqualTo(4);
        assertThat(node.grid().hospitals().get("H-API").free(org.sahaya.core.hospital.BedKind.ICU)).isEqualTo(2);
        assertThat(http.send("GET", "/api/v1/partners", admin, null).body()).contains("\"H-API\"");
        assertThat(list("/api/v1/hospitals?preferred=true&limit=1000")).contains("H-API");

        HttpResponse<String> changed = http.put("/api/v1/hospitals/H-API", admin, new JsonObject().put("name", "Synthetic City")
                .put("beds", new JsonObject().put("ER", new JsonObject().put("capacity", 12).put("free", 6))));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(node.grid().hospitals().get("H-API").name()).isEqualTo("Synthetic City");
        assertThat(node.grid().hospitals().get("H-API").free(org.sahaya.core.hospital.BedKind.ER)).isEqualTo(6);

        // A bed reserved meanwhile: a change that names no free count keeps it reserved, and the hospital stays.
        var er = org.sahaya.core.hospital.BedKind.ER;
        node.grid().hospitals().put("H-API", node.grid().hospitals().get("H-API").reserve("INC-SYNTHETIC", er));
        assertThat(http.put("/api/v1/hospitals/H-API", admin, new JsonObject().put("phone", "+91 821 111 1111"))
                .statusCode()).isEqualTo(200);
        assertThat(node.grid().hospitals().get("H-API").free(er)).isEqualTo(5);
        assertProblem(http.send("DELETE", "/api/v1/hospitals/H-API", admin, null), 409, "id");
        assertThat(node.grid().hospitals().get("H-API")).isNotNull();
        node.grid().hospitals().put("H-API", node.grid().hospitals().get("H-API").release("INC-SYNTHETIC"));

        assertThat(http.send("DELETE", "/api/v1/hospitals/H-API", admin, null).statusCode()).isEqualTo(204);
        assertThat(node.grid().hospitals().get("H-API")).isNull();
        assertThat(list("/api/v1/hospitals?limit=1000")).doesNotContain("H-API");
        assertThat(http.send("PUT", "/api/v1/hospitals/H-API", admin, new JsonObject().put("name", "x")).statusCode())
                .isEqualTo(404);
        assertThat(audited("hospitals/H-API")).contains("createHospital", "updateHospital", "deleteHospital");
    }

    @Test
    void aServiceAreaIsCheckedStoredAndCannotGoWhileUnitsAreBoundToIt() {
        JsonObject open = square(12.3, 76.6, 0.1);
        open.getJsonObject("geometry").getJsonArray("coordinates").getJsonArray(0).remove(4);
        assertProblem(http.put("/api/v1/service-areas/api-west", admin, open), 422, "geometry.coordinates[0]");
        JsonObject bowtie = new JsonObject().put("geometry", new JsonObject().put("type", "Polygon").put("coordinates",
                new JsonArray().add(new JsonArray().add(new JsonArray().add(76.0).add(12.0)).add(new JsonArray().add(76.2).add(12.2))
                        .add(new JsonArray().add(76.2).add(12.0)).add(new JsonArray().add(76.0).add(12.2))
                        .add(new JsonArray().add(76.0).add(12.0)))));
        assertProblem(http.put("/api/v1/service-areas/api-west", admin, bowtie), 422, "geometry.coordinates");
        JsonObject far = square(12.3, 200, 0.1);
        assertProblem(http.put("/api/v1/service-areas/api-west", admin, far), 422, "geometry.coordinates[0][0][0]");
        assertThat(http.send("GET", "/api/v1/service-areas/api-west", admin, null).statusCode()).isEqualTo(404);

        HttpResponse<String> created = http.put("/api/v1/service-areas/api-west", admin, square(12.3, 76.6, 0.1));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(http.put("/api/v1/service-areas/api-west", admin, square(12.3, 76.6, 0.2)).statusCode()).isEqualTo(200);
        JsonObject feature = new JsonObject(http.send("GET", "/api/v1/service-areas/api-west", admin, null).body());
        assertThat(feature.getString("type")).isEqualTo("Feature");
        assertThat(feature.getJsonObject("geometry").getString("type")).isEqualTo("Polygon");
        assertThat(list("/api/v1/service-areas")).contains("api-west");

        assertThat(http.post("/api/v1/fleets/FLEET-2/units", admin, unit("API-A", "AP-A").put("serviceArea", "api-west"))
                .statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> node.areas().areaOf("API-A").isPresent());
        assertProblem(http.send("DELETE", "/api/v1/service-areas/api-west", admin, null), 409, "name");
        assertThat(http.put("/api/v1/units/API-A", admin, new JsonObject().putNull("serviceArea")).statusCode()).isEqualTo(200);
        assertThat(http.send("DELETE", "/api/v1/service-areas/api-west", admin, null).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> node.areas().areaOf("API-A").isEmpty());
        assertThat(audited("service-areas/api-west")).contains("putServiceArea", "deleteServiceArea");
    }

    /** Near Hassan, far beyond the dispatch radius of the demo city's units and of Mysuru's. */
    @Test
    void aServiceAreaChangedThroughTheApiChangesWhichUnitIsSent() {
        JsonObject scene = new JsonObject().put("lat", 13.0072).put("lon", 76.0962);
        assertThat(http.put("/api/v1/service-areas/hassan-east", admin, square(13.0, 76.2, 0.05)).statusCode()).isEqualTo(201);
        assertThat(http.post("/api/v1/fleets/FLEET-3/units", admin, unit("HAS-NEAR", "HS-01").put("serviceArea", "hassan-east")
                .put("position", new JsonObject().put("lat", 13.01).put("lon", 76.11))).statusCode()).isEqualTo(201);
        assertThat(http.post("/api/v1/fleets/FLEET-3/units", admin, unit("HAS-FAR", "HS-02")
                .put("position", new JsonObject().put("lat", 13.05).put("lon", 76.2))).statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> node.areas().areaOf("HAS-NEAR").isPresent()
                && node.fleet().unit("HAS-FAR").isPresent() && node.fleet().unit("HAS-NEAR").isPresent());

        String first = raise("demo-0111", "hassan-1", scene);
        assertThat(dispatchedUnit(first)).isEqualTo("HAS-FAR");
        HttpResponse<String> closed = http.post("/api/v1/incidents/" + first + "/close", "Bearer "
                + Staff.login(node, "demo-coordinator"), new JsonObject().put("reason", "synthetic test incident"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> node.fleet().unit("HAS-FAR").orElseThrow().isAvailable());

        assertThat(http.put("/api/v1/service-areas/hassan-east", admin, square(13.0, 76.1, 0.1)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> node.areas().serves("HAS-NEAR", org.sahaya.geo.GeoPoint.of(13.0072, 76.0962)));
        String second = raise("demo-0112", "hassan-2", scene);
        assertThat(dispatchedUnit(second)).isEqualTo("HAS-NEAR");
    }

    private static String raise(String deviceId, String alertId, JsonObject at) {
        HttpResponse<String> accepted = new org.sahaya.server.DeviceClient(node).send(deviceId,
                org.sahaya.server.DeviceClient.alert(alertId, deviceId, "SOS").put("location", at).encode());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return new JsonObject(accepted.body()).getString("incidentId");
    }

    private static String dispatchedUnit(String incidentId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> new org.sahaya.server.DeviceClient(node).incident(incidentId),
                i -> "DISPATCHED".equals(i.getString("state")) && i.getJsonObject("unit") != null)
                .getJsonObject("unit").getString("id");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new JsonObject(response.body()).getString("field")).isEqualTo(field);
    }

    private static String list(String path) {
        HttpResponse<String> r = http.send("GET", path, admin, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** The actions of the audit entries naming {@code record}, once the log has them. */
    private static String audited(String record) {
        return await().atMost(Duration.ofSeconds(5)).until(() -> list("/api/v1/audit?record=" + record + "&limit=100"),
                body -> body.contains("delete") || body.contains("put"));
    }
}
