package org.sahaya.server.report.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.Staff;
import org.sahaya.server.TestNode;

/**
 * {@code GET /api/v1/reports/sla} on a demo node: who may read it, a partner narrowed to its own group
 * whatever it asks, JSON and CSV, and bad periods refused naming the field.
 */
class SlaReportApiTest {

    @TempDir
    static Path dir;
    private static Node node;
    private static String supervisor;
    private static String today;
    private static String tomorrow;
    private static String fleet;
    private static String hospital;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(dir, true);
        supervisor = Staff.login(node, "demo-supervisor");
        HttpResponse<String> sent = new DeviceClient(node).send("demo-0001",
                DeviceClient.alert("sla-1", "demo-0001", "FALL").encode());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        String incidentId = new JsonObject(sent.body()).getString("incidentId");
        JsonObject incident = await().atMost(Duration.ofSeconds(20)).until(() -> new JsonObject(
                        get("/api/v1/incidents/" + incidentId, Map.of("Authorization", "Bearer " + supervisor)).body()),
                i -> "DISPATCHED".equals(i.getString("state")) && i.getJsonObject("hospital") != null);
        hospital = incident.getJsonObject("hospital").getString("id");
        String unit = incident.getJsonObject("unit").getString("id");
        fleet = node.grid().unit(unit).orElseThrow().partner();
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Kolkata"));
        today = day.minusDays(1).toString(); // yesterday in the city: the period holds the alert whenever the test runs
        tomorrow = day.plusDays(1).toString();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aSupervisorAndAnAuditorReadEveryGroupOthersAreRefused() throws Exception {
        String query = "/api/v1/reports/sla?from=" + today + "&to=" + tomorrow + "&groupBy=hospital";
        HttpResponse<String> bySupervisor = get(query, bearer(supervisor));
        assertThat(bySupervisor.statusCode()).as(bySupervisor.body()).isEqualTo(200);
        assertThat(bySupervisor.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonObject report = new JsonObject(bySupervisor.body());
        assertThat(report.getString("groupBy")).isEqualTo("hospital");
        assertThat(report.getJsonObject("total").getInteger("incidents")).isGreaterThanOrEqualTo(1);
        assertThat(report.getJsonArray("groups").stream().map(g -> ((JsonObject) g).getString("key"))).contains(hospital);
        assertThat(get(query, bearer(Staff.login(node, "demo-auditor"))).statusCode()).isEqualTo(200);

        assertThat(get(query, bearer(Staff.login(node, "demo-coordinator"))).statusCode()).isEqualTo(403);
        assertThat(get(query, bearer(Staff.login(node, "demo-admin"))).statusCode()).isEqualTo(403);
        assertThat(get(query, Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void aPartnerSeesOnlyItsOwnGroupWhateverItAsksFor() throws Exception {
        JsonObject asFleet = new JsonObject(get("/api/v1/reports/sla?from=" + today + "&to=" + tomorrow
                + "&groupBy=hospital", Map.of("X-Api-Key", "demo-key-" + fleet)).body());
        assertThat(asFleet.getString("groupBy")).isEqualTo("fleet");
        assertThat(asFleet.getJsonArray("groups")).hasSize(1);
        assertThat(asFleet.getJsonArray("groups").getJsonObject(0).getString("key")).isEqualTo(fleet);

        JsonObject asHospital = new JsonObject(get("/api/v1/reports/sla?from=" + today + "&to=" + tomorrow
                + "&groupBy=client", Map.of("X-Api-Key", "demo-key-" + hospital)).body());
        assertThat(asHospital.getString("groupBy")).isEqualTo("hospital");
        assertThat(asHospital.getJsonArray("groups")).hasSize(1);
        assertThat(asHospital.getJsonArray("groups").getJsonObject(0).getString("key")).isEqualTo(hospital);

        String other = hospital.equals("H-01") ? "H-02" : "H-01";
        JsonObject asOther = new JsonObject(get("/api/v1/reports/sla?from=" + today + "&to=" + tomorrow,
                Map.of("X-Api-Key", "demo-key-" + other)).body());
        assertThat(asOther.getJsonArray("groups").getJsonObject(0).getString("key")).isEqualTo(other);
        assertThat(asOther.encode()).doesNotContain("\"" + hospital + "\"");
    }

    @Test
    void csvIsOneRowPerGroupThenTheBreaches() throws Exception {
        HttpResponse<String> csv = get("/api/v1/reports/sla?from=" + today + "&to=" + tomorrow + "&groupBy=month&format=csv",
                bearer(supervisor));
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        String[] sections = csv.body().split("\r\n\r\n", -1);
        assertThat(sections).hasSize(2);
        assertThat(sections[0]).startsWith(String.join(",", SlaCsv.GROUP_HEADER) + "\r\n").contains("\r\nALL,");
        assertThat(sections[1]).startsWith(String.join(",", SlaCsv.BREACH_HEADER));
    }

    @Test
    void aBadPeriodIsRefusedNamingTheField() throws Exception {
        assertProblem("/api/v1/reports/sla?from=" + tomorrow + "&to=" + today, "to");
        assertProblem("/api/v1/reports/sla?from=2025-01-01&to=2026-06-01", "to");
        assertProblem("/api/v1/reports/sla?from=last-week&to=" + today, "from");
        HttpResponse<String> missing = get("/api/v1/reports/sla?to=" + today, bearer(supervisor));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("from");
        HttpResponse<String> grouping = get("/api/v1/reports/sla?from=" + today + "&to=" + tomorrow + "&groupBy=unit",
                bearer(supervisor));
        assertThat(grouping.statusCode()).isEqualTo(400);
        assertThat(grouping.body()).contains("groupBy");
    }

    private static void assertProblem(String path, String field) throws Exception {
        HttpResponse<String> r = get(path, bearer(supervisor));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new JsonObject(r.body()).getString("field")).isEqualTo(field);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).GET();
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
