package org.sahaya.server.job;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.secret.SecretColumn;
import org.sahaya.dispatch.job.Jobs;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.TestNode;
import org.sahaya.server.delivery.JdbcPartnerOutbox;
import org.sahaya.server.demo.DemoPartners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.server.PartnerClient.coordinator;
import static org.sahaya.server.PartnerClient.fleetKey;

/**
 * Jobs to crews over real HTTP on a demo node: a dispatch offers the unit a job (and its fleet's webhook a
 * delivery), the crew accepts or declines through the jobs API, a decline sends the next unit, which is
 * offered its own job, and another fleet's key can neither read nor answer a job.
 */
class JobsApiTest {

    @TempDir
    static Path data;
    static Node node;
    static DeviceClient devices;
    static PartnerClient partners;

    @BeforeAll
    static void start() throws Exception {
        // Long enough that no offer runs out while a test looks at it (AcceptTimeoutTest covers that).
        node = Node.start(TestNode.config(data, true, Map.of("SAHAYA_ACCEPT_TIMEOUT_SECONDS", "600")), Clock.systemUTC());
        devices = new DeviceClient(node);
        partners = new PartnerClient(node);
        JobRows.update(node.database(), "UPDATE partners SET webhook_url = 'http://127.0.0.1:9/jobs' WHERE kind = 'FLEET'");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aDispatchOffersTheUnitAJobWithWhatTheCrewNeeds() {
        JsonObject incident = dispatchedFall("demo-0201");
        String unit = unitOf(incident);

        JsonObject job = job(unit, fleetKey(unit));

        assertThat(job.getString("state")).isEqualTo("OFFERED");
        assertThat(job.getString("role")).isEqualTo("PRIMARY");
        assertThat(job.getString("incidentId")).isEqualTo(incident.getString("id"));
        assertThat(job.getJsonObject("unit").getString("id")).isEqualTo(unit);
        assertThat(job.getJsonObject("unit").getString("callSign")).isNotBlank();
        assertThat(job.getString("alertType")).isEqualTo("FALL");
        assertThat(job.getString("priority")).isEqualTo(incident.getString("priority"));
        assertThat(job.getJsonObject("where").getDouble("lat")).isNotNull();
        assertThat(job.getJsonObject("patient").getString("name")).isNotBlank();
        assertThat(job.getJsonObject("patient").containsKey("age")).isTrue();
        assertThat(job.getJsonObject("patient").getValue("medical")).as("no consent to share").isNull();
        assertThat(job.getJsonObject("hospital").getString("id")).isEqualTo(incident.getJsonObject("hospital").getString("id"));
        assertThat(job.getJsonObject("hospital").getString("bedKind")).isNotBlank();
        assertThat(job.getJsonObject("contact").getString("phone")).startsWith("+");
        assertThat(java.time.Instant.parse(job.getString("acceptBy")))
                .isEqualTo(java.time.Instant.parse(job.getString("offeredAt")).plusSeconds(600));
    }

    @Test
    void theMedicalProfileIsInTheJobOnlyWithConsentToShareIt() {
        JsonObject incident = dispatchedFall("demo-0202");
        String subscriber = incident.getJsonObject("subscriber").getString("id");
        String unit = unitOf(incident);
        JobRows.update(node.database(), "UPDATE subscribers SET medical_profile = ? WHERE id = ?",
                node.secrets().seal(SecretColumn.MEDICAL_PROFILE, subscriber, "{\"allergies\":[\"penicillin\"]}"), subscriber);
        assertThat(job(unit, fleetKey(unit)).getJsonObject("patient").getValue("medical")).isNull();

        JobRows.update(node.database(), "INSERT INTO consents (subscriber_id, purpose, granted, recorded_by, recorded_at,"
                + " method) VALUES (?, 'SHARE_MEDICAL_PROFILE', TRUE, 'test', CURRENT_TIMESTAMP, 'WRITTEN')", subscriber);

        assertThat(job(unit, fleetKey(unit)).getJsonObject("patient").getJsonObject("medical").getJsonArray("allergies"))
                .containsExactly("penicillin");
    }

    @Test
    void acceptingSendsTheUnitEnRouteAndASecondAcceptIsRefused() {
        JsonObject incident = dispatchedFall("demo-0203");
        String unit = unitOf(incident);
        String jobId = job(unit, fleetKey(unit)).getString("jobId");

        HttpResponse<String> accepted = partners.post("/api/v1/jobs/" + jobId + "/accept", fleetKey(unit), null);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(new JsonObject(accepted.body()).getString("state")).isEqualTo("ACCEPTED");
        assertThat(partners.get("/api/v1/units/" + unit).getString("status")).isEqualTo("EN_ROUTE");
        assertThat(messages(devices.incident(incident.getString("id")))).anyMatch(m -> m.contains("accepted job " + jobId));
        HttpResponse<String> again = partners.post("/api/v1/jobs/" + jobId + "/accept", fleetKey(unit), null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(again.body()).getString("detail")).contains("ACCEPTED");
        await().atMost(Duration.ofSeconds(10)).until(() -> kinds(incident.getString("id")).contains("JOB_UPDATED"));
        String fleet = DemoPartners.fleetOf(number(unit));
        await().atMost(Duration.ofSeconds(10)).until(() -> JobRows.rows(node.database(),
                "SELECT action, outcome FROM audit_log WHERE record = ? ORDER BY seq", "jobs/" + jobId).stream()
                .map(r -> r.get("action") + " " + r.get("outcome")).toList(),
                lines -> lines.containsAll(List.of("getUnitJob ok", "acceptJob ok", "acceptJob refused 409")));
        assertThat(JobRows.rows(node.database(), "SELECT DISTINCT actor FROM audit_log WHERE record = ?", "jobs/" + jobId))
                .extracting(r -> r.get("actor")).containsExactly(fleet);
    }

    @Test
    void aDeclineOffersTheNextUnitAJobAndNeverTheFirstAgain() {
        JsonObject incident = dispatchedFall("demo-0204");
        String id = incident.getString("id");
        String first = unitOf(incident);
        String jobId = job(first, fleetKey(first)).getString("jobId");

        HttpResponse<String> declined = partners.post("/api/v1/jobs/" + jobId + "/decline", fleetKey(first),
                new JsonObject().put("reason", "tyre burst"));

        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(new JsonObject(declined.body()).getString("state")).isEqualTo("DECLINED");
        JsonObject next = await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(id),
                i -> "DISPATCHED".equals(i.getString("state")) && i.getJsonObject("unit") != null && !first.equals(unitOf(i)));
        String second = unitOf(next);
        JsonObject offered = await().atMost(Duration.ofSeconds(10)).until(() -> jobOrNull(second), j -> j != null);
        assertThat(offered.getString("state")).isEqualTo("OFFERED");
        assertThat(offered.getString("jobId")).isNotEqualTo(jobId);
        assertThat(messages(next)).anyMatch(m -> m.contains("tyre burst"));
        List<Map<String, Object>> jobs = JobRows.jobs(node.database(), id);
        assertThat(jobs).filteredOn(j -> first.equals(j.get("unit_id"))).singleElement()
                .satisfies(j -> {
                    assertThat(j.get("state")).isEqualTo("DECLINED");
                    assertThat(j.get("end_reason")).isEqualTo("tyre burst");
                    assertThat(j.get("ended_by")).isEqualTo(DemoPartners.fleetOf(number(first)));
                });
        assertThat(partners.post("/api/v1/jobs/" + jobId + "/decline", fleetKey(first),
                new JsonObject().put("reason", "again")).statusCode()).isEqualTo(409);
        assertThat(partners.post("/api/v1/jobs/" + jobId + "/accept", fleetKey(first), null).statusCode())
                .as("a job already ended").isEqualTo(409);
        await().atMost(Duration.ofSeconds(10)).until(() -> kinds(id).contains("JOB_WITHDRAWN"));
    }

    @Test
    void anotherFleetCanNeitherReadNorAnswerAJobAndNothingChanges() {
        JsonObject incident = dispatchedFall("demo-0205");
        String unit = unitOf(incident);
        String jobId = job(unit, fleetKey(unit)).getString("jobId");
        String other = DemoPartners.FLEETS.stream().map(f -> f.id()).filter(f -> !f.equals(DemoPartners.fleetOf(number(unit))))
                .findFirst().orElseThrow();
        String otherKey = "demo-key-" + other;

        assertThat(partners.send("GET", "/api/v1/units/" + unit + "/job", otherKey, null).statusCode()).isEqualTo(403);
        HttpResponse<String> accept = partners.post("/api/v1/jobs/" + jobId + "/accept", otherKey, null);
        HttpResponse<String> decline = partners.post("/api/v1/jobs/" + jobId + "/decline", otherKey,
                new JsonObject().put("reason", "not ours"));

        assertThat(accept.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(accept.body()).getString("type")).endsWith("not-your-unit");
        assertThat(decline.statusCode()).isEqualTo(403);
        assertThat(partners.get("/api/v1/units/" + unit).getString("status")).isEqualTo("DISPATCHED");
        assertThat(job(unit, fleetKey(unit)).getString("state")).isEqualTo("OFFERED");
        assertThat(job(unit, coordinator(node)).getString("jobId")).as("a coordinator reads any").isEqualTo(jobId);
    }

    @Test
    void theFleetsWebhookGetsTheOfferOnceEvenWhenTheDispatchIsAnnouncedAgain() {
        JsonObject incident = dispatchedFall("demo-0206");
        String id = incident.getString("id");
        String unit = unitOf(incident);
        await().atMost(Duration.ofSeconds(10)).until(() -> kinds(id).contains("JOB_OFFERED"));

        // After a restart or a take-over the workflow announces a dispatched incident again.
        Incident stored = node.database().withConnection(c -> new IncidentRepository().find(c, id)).orElseThrow();
        Jobs again = new Jobs(node.database(), node.grid(), new FleetWebhook(new JobViews(node.grid(), node.secrets()),
                JdbcPartnerOutbox.rowsOnly(Clock.systemUTC())), Duration.ofSeconds(600), Clock.systemUTC());
        again.dispatched(stored);
        again.dispatched(stored);

        assertThat(JobRows.jobs(node.database(), id)).hasSize(1);
        List<Map<String, Object>> offers = JobRows.deliveries(node.database(), id).stream()
                .filter(d -> "JOB_OFFERED".equals(d.get("kind"))).toList();
        assertThat(offers).singleElement().satisfies(d -> {
            String jobId = (String) JobRows.jobs(node.database(), id).get(0).get("id");
            assertThat(d.get("delivery_id")).isEqualTo(jobId + ":JOB_OFFERED");
            assertThat(d.get("partner_id")).isEqualTo(DemoPartners.fleetOf(number(unit)));
            assertThat(d.get("transport")).isEqualTo("WEBHOOK");
            assertThat(d.get("decided_at")).isNotNull();
            JsonObject body = new JsonObject((String) d.get("body"));
            assertThat(body.getString("event")).isEqualTo("JOB_OFFERED");
            assertThat(body.getString("deliveryId")).isEqualTo(jobId + ":JOB_OFFERED");
            assertThat(body.getJsonObject("job").getString("jobId")).isEqualTo(jobId);
            assertThat(body.getJsonObject("job").getJsonObject("unit").getString("id")).isEqualTo(unit);
        });
    }

    @Test
    void aClosedIncidentEndsItsJobAsDone() {
        JsonObject incident = dispatchedFall("demo-0207");
        String id = incident.getString("id");
        String unit = unitOf(incident);
        assertThat(partners.post("/api/v1/incidents/" + id + "/close", coordinator(node),
                new JsonObject().put("reason", "false alarm confirmed by phone")).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> JobRows.jobs(node.database(), id).get(0).get("state"),
                "DONE"::equals);
        assertThat(partners.send("GET", "/api/v1/units/" + unit + "/job", fleetKey(unit), null).statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(10)).until(() -> kinds(id).contains("JOB_DONE"));
    }

    static JsonObject dispatchedFall(String device) {
        return dispatchedFall(devices, device);
    }

    static JsonObject dispatchedFall(DeviceClient devices, String device) {
        HttpResponse<String> r = devices.send(device, DeviceClient.alert("fall-" + device, device, "FALL").encode());
        assertThat(r.statusCode()).isEqualTo(202);
        String id = new JsonObject(r.body()).getString("incidentId");
        return await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(id),
                i -> "DISPATCHED".equals(i.getString("state")) && i.getJsonObject("hospital") != null);
    }

    /** The unit's live job as {@code key} reads it, once the offer is written. */
    static JsonObject job(String unit, String key) {
        HttpResponse<String> r = await().atMost(Duration.ofSeconds(10))
                .until(() -> partners.send("GET", "/api/v1/units/" + unit + "/job", key, null), h -> h.statusCode() != 404);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    static JsonObject jobOrNull(String unit) {
        HttpResponse<String> r = partners.send("GET", "/api/v1/units/" + unit + "/job", fleetKey(unit), null);
        return r.statusCode() == 200 ? new JsonObject(r.body()) : null;
    }

    static List<Object> kinds(String incidentId) {
        return JobRows.deliveries(node.database(), incidentId).stream().map(d -> d.get("kind")).toList();
    }

    static int number(String unit) {
        return Integer.parseInt(unit.substring(unit.lastIndexOf('-') + 1));
    }

    static String unitOf(JsonObject incident) {
        JsonObject unit = incident.getJsonObject("unit");
        return unit == null ? null : unit.getString("id");
    }

    static List<String> messages(JsonObject incident) {
        return incident.getJsonArray("timeline").stream().map(o -> ((JsonObject) o).getString("message")).toList();
    }
}
