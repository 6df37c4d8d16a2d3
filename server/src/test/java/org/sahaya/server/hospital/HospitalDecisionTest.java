package org.sahaya.server.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.server.PartnerClient.coordinator;
import static org.sahaya.server.PartnerClient.fleetKey;
import static org.sahaya.server.PartnerClient.hospitalKey;
import static org.sahaya.server.PartnerClient.status;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.TestNode;

/**
 * The receiving hospital decides, over real HTTP on the demo city: an accept is recorded once; a decline
 * moves the patient to the next hospital, frees the old bed and holds the new one; another hospital's key,
 * bad bodies and finished incidents are refused and change nothing; of two decisions at once one wins.
 */
class HospitalDecisionTest {

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
    void anAcceptIsRecordedOnceAndNamedOnTheTimeline() {
        JsonObject incident = dispatchedFall("demo-0201");
        String id = incident.getString("id");
        String hospital = hospitalOf(incident);
        String name = incident.getJsonObject("hospital").getString("name");

        HttpResponse<String> first = decide(id, hospitalKey(hospital), accept());
        HttpResponse<String> again = decide(id, hospitalKey(hospital), accept());

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonObject decision = new JsonObject(first.body());
        assertThat(decision.getString("decision")).isEqualTo("ACCEPT");
        assertThat(decision.getString("hospitalId")).isEqualTo(hospital);
        assertThat(decision.getBoolean("repeated")).isFalse();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(again.body()).getBoolean("repeated")).isTrue();
        JsonObject now = devices.incident(id);
        assertThat(messages(now, "HOSPITAL_ACCEPTED")).containsExactly(name + " accepted the patient");
        assertThat(hospitalOf(now)).isEqualTo(hospital);
        assertThat(decisionRows(id)).containsExactly(hospital + ":ACCEPT:" + hospital);
        assertThat(audited(hospital, "decideHospital", 2)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aDeclineMovesThePatientToTheNextHospitalFreesTheOldBedAndHoldsTheNew() {
        JsonObject incident = dispatchedFall("demo-0202");
        String id = incident.getString("id");
        String declining = hospitalOf(incident);
        int freeBefore = free(declining);

        HttpResponse<String> r = decide(id, hospitalKey(declining), decline("CT scanner down"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(new JsonObject(r.body()).getString("decision")).isEqualTo("DECLINE");
        JsonObject now = devices.incident(id);
        String next = hospitalOf(now);
        assertThat(next).isNotNull().isNotEqualTo(declining);
        assertThat(now.getString("state")).isEqualTo("DISPATCHED");
        assertThat(holds(declining, id)).isZero();
        assertThat(free(declining)).as("the declining hospital's bed is free again").isEqualTo(freeBefore + 1);
        assertThat(holds(next, id)).isEqualTo(1);
        assertThat(messages(now, "HOSPITAL_DECLINED")).singleElement().asString()
                .contains("declined the patient (CT scanner down)");
        assertThat(messages(now, "BED_RESERVED")).last().asString().contains("after").contains("declined")
                .contains("Hospital " + now.getJsonObject("hospital").getString("name"));
        assertThat(decisionRows(id)).containsExactly(declining + ":DECLINE:" + declining);

        // The next hospital declines too: the first one, though nearer and free, is never chosen again.
        HttpResponse<String> second = decide(id, hospitalKey(next), decline("no cardiologist tonight"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        String third = hospitalOf(devices.incident(id));
        assertThat(third).isNotIn(declining, next);
        assertThat(holds(next, id)).isZero();
        assertThat(holds(third, id)).isEqualTo(1);

        // The crew leaves and another unit is sent: the bed stays where it is, never back at a decliner.
        String unit = unitOf(devices.incident(id));
        assertThat(partners.put("/api/v1/units/" + unit + "/status", fleetKey(unit), status("AVAILABLE")).statusCode())
                .isEqualTo(200);
        JsonObject redispatched = await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(id),
                i -> "DISPATCHED".equals(i.getString("state")) && i.getJsonObject("unit") != null && !unit.equals(unitOf(i)));
        assertThat(hospitalOf(redispatched)).isEqualTo(third);

        // A decliner's further decisions are refused: the patient is no longer coming to it.
        HttpResponse<String> late = decide(id, hospitalKey(declining), accept());
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(type(late)).endsWith("not-dispatched");
    }

    @Test
    void anotherHospitalsKeyIsRefusedAndChangesNothing() {
        JsonObject incident = dispatchedFall("demo-0203");
        String id = incident.getString("id");
        String hospital = hospitalOf(incident);
        String other = hospital.equals("H-01") ? "H-02" : "H-01";
        Hospital before = node.grid().hospitals().get(hospital);

        HttpResponse<String> declined = decide(id, hospitalKey(other), decline("not ours"));
        HttpResponse<String> accepted = decide(id, hospitalKey(other), accept());
        HttpResponse<String> fleet = decide(id, fleetKey("AMB-001"), accept());
        HttpResponse<String> coordinator = decide(id, coordinator(node), decline("a coordinator may not"));
        HttpResponse<String> unknown = decide("INC-NOPE", hospitalKey(hospital), accept());

        assertThat(declined.statusCode()).isEqualTo(403);
        assertThat(type(declined)).isEqualTo("urn:sahaya:problem:not-your-patient");
        assertThat(accepted.statusCode()).isEqualTo(403);
        assertThat(fleet.statusCode()).isEqualTo(403);
        assertThat(coordinator.statusCode()).isEqualTo(403);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(hospitalOf(devices.incident(id))).isEqualTo(hospital);
        assertThat(node.grid().hospitals().get(hospital)).isEqualTo(before);
        assertThat(decisionRows(id)).isEmpty();
        assertThat(messages(devices.incident(id), "HOSPITAL_DECLINED")).isEmpty();
        assertThat(audited(other, "decideHospital", 2)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void badBodiesAreRefusedNamingTheFieldAndChangeNothing() {
        JsonObject incident = dispatchedFall("demo-0204");
        String id = incident.getString("id");
        String key = hospitalKey(hospitalOf(incident));

        HttpResponse<String> noReason = decide(id, key, new JsonObject().put("decision", "DECLINE"));
        HttpResponse<String> blankReason = decide(id, key, decline("   "));
        HttpResponse<String> longReason = decide(id, key, decline("x".repeat(501)));
        HttpResponse<String> maybe = decide(id, key, new JsonObject().put("decision", "MAYBE"));
        HttpResponse<String> extra = decide(id, key, accept().put("hospitalId", "H-01"));
        HttpResponse<String> malformed = partners.send("POST", "/api/v1/incidents/" + id + "/hospital-decision", key, null);

        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(field(noReason)).isEqualTo("reason");
        assertThat(blankReason.statusCode()).isEqualTo(422);
        assertThat(field(blankReason)).isEqualTo("reason");
        assertThat(longReason.statusCode()).isEqualTo(422);
        assertThat(field(longReason)).isEqualTo("reason");
        assertThat(maybe.statusCode()).isEqualTo(422);
        assertThat(field(maybe)).isEqualTo("decision");
        assertThat(extra.statusCode()).isEqualTo(422);
        assertThat(malformed.statusCode()).isIn(400, 415);
        assertThat(hospitalOf(devices.incident(id))).isEqualTo(hospitalOf(incident));
        assertThat(decisionRows(id)).isEmpty();
    }

    @Test
    void aClosedIncidentOrOneAlreadyAtTheHospitalCannotBeDecided() {
        JsonObject closed = dispatchedFall("demo-0205");
        String hospital = hospitalOf(closed);
        assertThat(partners.post("/api/v1/incidents/" + closed.getString("id") + "/close", coordinator(node),
                new JsonObject().put("reason", "false alarm confirmed by phone")).statusCode()).isEqualTo(200);
        int freeAfterClose = free(hospital);

        HttpResponse<String> accept = decide(closed.getString("id"), hospitalKey(hospital), accept());
        HttpResponse<String> decline = decide(closed.getString("id"), hospitalKey(hospital), decline("too late"));

        assertThat(accept.statusCode()).isEqualTo(409);
        assertThat(type(accept)).isEqualTo("urn:sahaya:problem:not-dispatched");
        assertThat(decline.statusCode()).isEqualTo(409);
        assertThat(free(hospital)).isEqualTo(freeAfterClose);
        assertThat(decisionRows(closed.getString("id"))).isEmpty();

        JsonObject arrived = dispatchedFall("demo-0206");
        String unit = unitOf(arrived);
        for (String s : List.of("EN_ROUTE", "ON_SCENE", "TRANSPORTING", "AT_HOSPITAL")) {
            assertThat(partners.put("/api/v1/units/" + unit + "/status", fleetKey(unit), status(s)).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> atTheDoor = decide(arrived.getString("id"), hospitalKey(hospitalOf(arrived)), decline("full"));
        assertThat(atTheDoor.statusCode()).isEqualTo(409);
        assertThat(hospitalOf(devices.incident(arrived.getString("id")))).isEqualTo(hospitalOf(arrived));
    }

    @Test
    void ofTwoDeclinesAtOnceOneWinsAndTheOtherChangesNothing() throws Exception {
        JsonObject incident = dispatchedFall("demo-0207");
        String id = incident.getString("id");
        String declining = hospitalOf(incident);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> racing = new ArrayList<>();
        for (String reason : List.of("ward closed", "no ICU staff")) {
            racing.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(go);
                return decide(id, hospitalKey(declining), decline(reason));
            }));
        }
        go.countDown();
        List<Integer> statuses = racing.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).sorted().toList();

        assertThat(statuses).containsExactly(200, 409);
        String next = hospitalOf(devices.incident(id));
        assertThat(next).isNotEqualTo(declining);
        assertThat(allHolds(id)).as("exactly one bed held for the incident, at the next hospital").containsExactly(next);
        assertThat(messages(devices.incident(id), "HOSPITAL_DECLINED")).hasSize(1);
    }

    @Test
    void aDeclineRacingACloseLeavesNoBedHeld() throws Exception {
        JsonObject incident = dispatchedFall("demo-0208");
        String id = incident.getString("id");
        String declining = hospitalOf(incident);
        String closer = coordinator(node);
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> decline = CompletableFuture.supplyAsync(() -> {
            awaitQuietly(go);
            return decide(id, hospitalKey(declining), decline("ward closed"));
        });
        CompletableFuture<HttpResponse<String>> close = CompletableFuture.supplyAsync(() -> {
            awaitQuietly(go);
            return partners.post("/api/v1/incidents/" + id + "/close", closer, new JsonObject().put("reason", "cancelled"));
        });
        go.countDown();

        assertThat(close.join().statusCode()).isEqualTo(200);
        assertThat(decline.join().statusCode()).isIn(200, 409);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(allHolds(id)).isEmpty());
        assertThat(devices.incident(id).getString("state")).isEqualTo("CLOSED");
    }

    private static void awaitQuietly(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static HttpResponse<String> decide(String incidentId, String key, JsonObject body) {
        return partners.post("/api/v1/incidents/" + incidentId + "/hospital-decision", key, body);
    }

    static JsonObject accept() {
        return new JsonObject().put("decision", "ACCEPT");
    }

    static JsonObject decline(String reason) {
        return new JsonObject().put("decision", "DECLINE").put("reason", reason);
    }

    private static JsonObject dispatchedFall(String device) {
        HttpResponse<String> r = devices.send(device, DeviceClient.alert("fall-" + device, device, "FALL").encode());
        assertThat(r.statusCode()).isEqualTo(202);
        String id = new JsonObject(r.body()).getString("incidentId");
        return await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(id),
                i -> "DISPATCHED".equals(i.getString("state")) && i.getJsonObject("hospital") != null);
    }

    private static String hospitalOf(JsonObject incident) {
        JsonObject h = incident.getJsonObject("hospital");
        return h == null ? null : h.getString("id");
    }

    private static String unitOf(JsonObject incident) {
        JsonObject unit = incident.getJsonObject("unit");
        return unit == null ? null : unit.getString("id");
    }

    private static List<String> messages(JsonObject incident, String stage) {
        return incident.getJsonArray("timeline").stream().map(o -> (JsonObject) o)
                .filter(e -> stage.equals(e.getString("stage"))).map(e -> e.getString("message")).toList();
    }

    private static int free(String hospital) {
        return partners.get("/api/v1/hospitals/" + hospital).getJsonObject("freeBeds").getInteger("ER", 0);
    }

    private static long holds(String hospital, String incidentId) {
        return node.grid().hospitals().get(hospital).reservations().keySet().stream().filter(incidentId::equals).count();
    }

    private static List<String> allHolds(String incidentId) {
        return node.grid().hospitals().values().stream().filter(h -> h.reservations().containsKey(incidentId))
                .map(Hospital::id).toList();
    }

    private static String type(HttpResponse<String> r) {
        return new JsonObject(r.body()).getString("type");
    }

    private static String field(HttpResponse<String> r) {
        return new JsonObject(r.body()).getString("field");
    }

    /** hospital:decision:decided_by per row of hospital_decisions for the incident. */
    private static List<String> decisionRows(String incidentId) {
        return node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT hospital_id, decision, decided_by FROM hospital_decisions WHERE incident_id = ?")) {
                ps.setString(1, incidentId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3));
                    }
                    return out;
                }
            }
        });
    }

    private static int audited(String actor, String action, int atLeast) {
        return await().atMost(Duration.ofSeconds(5)).until(() -> node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action = ?")) {
                ps.setString(1, actor);
                ps.setString(2, action);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        }), n -> n >= atLeast);
    }
}
