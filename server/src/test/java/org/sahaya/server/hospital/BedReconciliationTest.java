package org.sahaya.server.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.server.PartnerClient.fleetKey;
import static org.sahaya.server.PartnerClient.hospitalKey;
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
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.persistence.HospitalRepository;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.TestNode;

/**
 * A hospital's bed report is its own count of free beds; the beds Sahaya holds there for patients on the
 * way stay held and are set against it (free for dispatch = reported - held), a report below the holds
 * shows the shortfall on the bed board, and a hand-over is counted once. Over real HTTP on the demo city.
 */
class BedReconciliationTest {

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
    void aReportOfTheSameNumberKeepsTheHeldBed() {
        JsonObject incident = dispatchedFall("demo-0211");
        String hospital = hospitalOf(incident);
        JsonObject before = er(hospital);
        int held = before.getInteger("held");
        assertThat(held).isPositive();

        JsonObject board = report(hospital, before.getInteger("reported"));

        JsonObject er = board.getJsonObject("beds").getJsonObject("ER");
        assertThat(er.getInteger("reported")).isEqualTo(before.getInteger("reported"));
        assertThat(er.getInteger("held")).isEqualTo(held);
        assertThat(er.getInteger("free")).isEqualTo(before.getInteger("reported") - held);
        assertThat(er.containsKey("shortfall")).isFalse();
        assertThat(board.getJsonObject("freeBeds").getInteger("ER")).isEqualTo(before.getInteger("reported") - held);
        assertThat(board.getJsonObject("reservedBeds").getInteger("ER")).isEqualTo(held);
        assertThat(node.grid().hospitals().get(hospital).reservations()).containsKey(incident.getString("id"));
        assertThat(hospitalOf(devices.incident(incident.getString("id")))).isEqualTo(hospital);
    }

    @Test
    void aReportBelowTheHoldsShowsTheShortfallAndFreesNothing() {
        JsonObject incident = dispatchedFall("demo-0212");
        String hospital = hospitalOf(incident);
        int held = er(hospital).getInteger("held");

        JsonObject board = report(hospital, 0);

        JsonObject er = board.getJsonObject("beds").getJsonObject("ER");
        assertThat(er.getInteger("reported")).isZero();
        assertThat(er.getInteger("held")).isEqualTo(held);
        assertThat(er.getInteger("free")).isZero();
        assertThat(er.getInteger("shortfall")).isEqualTo(held);
        assertThat(board.getJsonObject("freeBeds").getInteger("ER")).isZero();
        assertThat(node.grid().hospitals().get(hospital).reservations()).containsKey(incident.getString("id"));
        // The board and the store agree: a restart loads the report and the holds, not a collapsed count.
        Hospital stored = node.database().withConnection(c -> new HospitalRepository().find(c, hospital)).orElseThrow();
        assertThat(stored.reported(BedKind.ER)).isZero();
        assertThat(stored.shortfall(BedKind.ER)).isEqualTo(held);

        report(hospital, held + 3);
        assertThat(er(hospital).getInteger("free")).isEqualTo(3);
    }

    @Test
    void aHandOverThenAReportCountsTheOccupiedBedOnce() {
        JsonObject incident = dispatchedFall("demo-0213");
        String id = incident.getString("id");
        String hospital = hospitalOf(incident);
        String unit = incident.getJsonObject("unit").getString("id");
        report(hospital, 5);
        JsonObject held = er(hospital);
        int otherHolds = held.getInteger("held") - 1;
        assertThat(held.getInteger("free")).isEqualTo(5 - held.getInteger("held"));

        for (String s : List.of("EN_ROUTE", "ON_SCENE", "TRANSPORTING", "AT_HOSPITAL", "RETURNING")) {
            assertThat(partners.put("/api/v1/units/" + unit + "/status", fleetKey(unit), status(s)).statusCode()).isEqualTo(200);
        }
        assertThat(devices.incident(id).getString("state")).isEqualTo("CLOSED");

        JsonObject afterHandOver = er(hospital);
        assertThat(afterHandOver.getInteger("held")).isEqualTo(otherHolds);
        assertThat(afterHandOver.getInteger("reported")).as("the patient lies in a bed the last report counted").isEqualTo(4);
        assertThat(afterHandOver.getInteger("free")).isEqualTo(held.getInteger("free"));

        // The hospital's next count already leaves out the bed the patient lies in.
        JsonObject board = report(hospital, 4);
        assertThat(board.getJsonObject("beds").getJsonObject("ER").getInteger("free")).isEqualTo(4 - otherHolds);
        assertThat(node.grid().hospitals().get(hospital).reservations()).doesNotContainKey(id);
    }

    @Test
    void aStandDownReleasesTheHoldAgainstTheReport() {
        JsonObject incident = dispatchedFall("demo-0214");
        String hospital = hospitalOf(incident);
        report(hospital, 2);
        int heldBefore = er(hospital).getInteger("held");

        assertThat(partners.post("/api/v1/incidents/" + incident.getString("id") + "/close", PartnerClient.coordinator(node),
                new JsonObject().put("reason", "false alarm confirmed by phone")).statusCode()).isEqualTo(200);

        JsonObject er = er(hospital);
        assertThat(er.getInteger("reported")).isEqualTo(2);
        assertThat(er.getInteger("held")).isEqualTo(heldBefore - 1);
        assertThat(er.getInteger("free")).isEqualTo(Math.max(0, 2 - (heldBefore - 1)));
    }

    private static JsonObject report(String hospital, int er) {
        HttpResponse<String> r = partners.put("/api/v1/hospitals/" + hospital + "/beds", hospitalKey(hospital),
                new JsonObject().put("freeBeds", new JsonObject().put("ER", er)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private static JsonObject er(String hospital) {
        return partners.get("/api/v1/hospitals/" + hospital).getJsonObject("beds").getJsonObject("ER");
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
}
