package org.sahaya.server.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.Staff;
import org.sahaya.server.TestNode;
import org.sahaya.server.delivery.PartnerPeer;
import org.sahaya.server.prearrival.FhirServer;

/**
 * Issue 17's done-when, on the demo city, with the real partners' ends: every fleet's webhook is a real HTTP
 * peer that checks the signature, and every hospital's FHIR base URL is a real HAPI FHIR server that validates
 * what it is sent. A fall is dispatched; the job reaches the fleet's webhook and the crew's API; nobody accepts,
 * so the next unit gets it within the accept timeout plus 2 s; that crew accepts; its positions move the ETA; the
 * receiving hospital's FHIR server holds a valid Bundle; the hospital declines, and the next hospital's server
 * gets a Bundle of its own while the first is told the patient is no longer coming, and the crew is told.
 */
class DispatchReachesCrewAndHospitalTest {

    private static final String WEBHOOK_SECRET = "every-fleet-signs-with-this-0123456789";
    private static final String INCIDENT_IDS = "urn:sahaya:incident";

    @TempDir
    Path data;

    @Test
    void theJobReachesTheCrewsAndThePatientReachesTheHospitalThatTakesThem() throws Exception {
        try (PartnerPeer fleets = new PartnerPeer().otherwise(PartnerPeer.Behaviour.status(202));
             FhirServer firstChoice = FhirServer.start();
             FhirServer others = FhirServer.start();
             Node node = Node.start(TestNode.config(data, true, Map.of("SAHAYA_ACCEPT_TIMEOUT_SECONDS", "3")),
                     Clock.systemUTC())) {
            DeviceClient devices = new DeviceClient(node);
            PartnerClient partners = new PartnerClient(node);
            String admin = "Bearer " + Staff.login(node, "demo-admin");
            for (String fleet : ids(node, "SELECT id FROM partners WHERE kind = ?", "FLEET")) {
                ok(partners.send("PUT", "/api/v1/partners/" + fleet + "/webhook", admin, new JsonObject()
                        .put("url", fleets.url("/fleet/" + fleet)).put("secret", WEBHOOK_SECRET)));
            }
            List<String> hospitals = ids(node, "SELECT id FROM partners WHERE kind = ?", "HOSPITAL");
            pointHospitals(partners, admin, hospitals, firstChoice.baseUrl());

            // The alert is dispatched: a job for the unit at its fleet's webhook, signed, and on the crew's API.
            JsonObject incident = JobsApiTest.dispatchedFall(devices, "demo-0007");
            String id = incident.getString("id");
            String firstUnit = incident.getJsonObject("unit").getString("id");
            JsonObject offered = webhookEvent(fleets, "JOB_OFFERED", id, firstUnit);
            String firstJob = offered.getJsonObject("job").getString("jobId");
            assertThat(offered.getJsonObject("job").getJsonObject("where").getDouble("lat")).isNotNull();
            HttpResponse<String> crewView = partners.send("GET", "/api/v1/units/" + firstUnit + "/job",
                    PartnerClient.fleetKey(firstUnit), null);
            assertThat(crewView.statusCode()).as(crewView.body()).isEqualTo(200);
            assertThat(new JsonObject(crewView.body()).getString("jobId")).isEqualTo(firstJob);

            // Nobody accepts: within the timeout plus 2 s the next unit has the job, the first is released.
            Map<String, Object> expired = await().atMost(Duration.ofSeconds(20)).until(
                    () -> JobRows.jobs(node.database(), id).get(0), j -> "TIMED_OUT".equals(j.get("state")));
            JsonObject redispatched = await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(id),
                    i -> i.getJsonObject("unit") != null && !firstUnit.equals(i.getJsonObject("unit").getString("id")));
            String secondUnit = redispatched.getJsonObject("unit").getString("id");
            Map<String, Object> secondOffer = JobRows.jobs(node.database(), id).stream()
                    .filter(j -> secondUnit.equals(j.get("unit_id"))).findFirst().orElseThrow();
            assertThat(at(secondOffer, "offered_at")).as("the next unit within the timeout plus 2 s")
                    .isBeforeOrEqualTo(at(expired, "accept_by").plusSeconds(2));
            webhookEvent(fleets, "JOB_WITHDRAWN", id, firstUnit);
            String secondJob = webhookEvent(fleets, "JOB_OFFERED", id, secondUnit).getJsonObject("job").getString("jobId");
            assertThat(JobsApiTest.messages(redispatched)).anyMatch(m -> m.contains("did not accept within 3 s"));

            // The second crew accepts in time.
            HttpResponse<String> accepted = partners.send("POST", "/api/v1/jobs/" + secondJob + "/accept",
                    PartnerClient.fleetKey(secondUnit), null);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            assertThat(new JsonObject(accepted.body()).getString("state")).isEqualTo("ACCEPTED");

            // Its positions on the way move the incident's ETA.
            int etaBefore = redispatched.getInteger("etaSeconds");
            JsonObject scene = redispatched.getJsonObject("location");
            HttpResponse<String> moved = partners.send("POST", "/api/v1/units/" + secondUnit + "/position",
                    PartnerClient.fleetKey(secondUnit), new JsonObject().put("lat", scene.getDouble("lat") + 0.001)
                            .put("lon", scene.getDouble("lon")));
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
            JsonObject nearer = await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(id),
                    i -> i.getString("etaUpdatedAt") != null && i.getInteger("etaSeconds") < etaBefore);
            assertThat(nearer.getInteger("etaSeconds")).isLessThan(etaBefore);

            // The receiving hospital's FHIR server holds the patient and the planned encounter (it validated them).
            String firstHospital = nearer.getJsonObject("hospital").getString("id");
            Encounter planned = encounter(firstChoice, id, "planned");
            assertThat(planned.getServiceProvider().getDisplay()).isNotBlank();
            assertThat(firstChoice.search(Patient.class, "urn:sahaya:subscriber",
                    incident.getJsonObject("subscriber").getString("id"))).hasSize(1);

            // The hospital declines: the next hospital's own server gets the patient, the first hears it is off.
            pointHospitals(partners, admin, hospitals.stream().filter(h -> !h.equals(firstHospital)).toList(),
                    others.baseUrl());
            HttpResponse<String> declined = partners.send("POST", "/api/v1/incidents/" + id + "/hospital-decision",
                    PartnerClient.hospitalKey(firstHospital), new JsonObject().put("decision", "DECLINE")
                            .put("reason", "the cath lab is down"));
            assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
            JsonObject rerouted = await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(id),
                    i -> i.getJsonObject("hospital") != null && !firstHospital.equals(i.getJsonObject("hospital").getString("id")));
            String nextHospital = rerouted.getJsonObject("hospital").getString("id");
            assertThat(encounter(others, id, "planned").getServiceProvider().getDisplay())
                    .isEqualTo(rerouted.getJsonObject("hospital").getString("name"));
            encounter(firstChoice, id, "cancelled");
            // The crew is told where the patient goes now (an earlier update, the accept, named the first hospital).
            await().atMost(Duration.ofSeconds(15)).until(() -> events(fleets, "JOB_UPDATED", id, secondUnit).stream()
                    .anyMatch(e -> nextHospital.equals(e.getJsonObject("job").getJsonObject("hospital").getString("id"))));
            assertThat(firstChoice.transactions()).isGreaterThanOrEqualTo(2);
        }
    }

    /** Points the hospitals' FHIR base URL at {@code baseUrl} through the administration API. */
    private static void pointHospitals(PartnerClient partners, String admin, List<String> hospitals, String baseUrl) {
        for (String hospital : hospitals) {
            ok(partners.send("PUT", "/api/v1/hospitals/" + hospital, admin, new JsonObject().put("fhirBaseUrl", baseUrl)));
        }
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The event of {@code kind} about {@code unit}'s job on {@code incidentId}, once a fleet's webhook received it signed. */
    private static JsonObject webhookEvent(PartnerPeer fleets, String kind, String incidentId, String unit) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> events(fleets, kind, incidentId, unit).stream().findFirst(),
                Optional::isPresent).orElseThrow();
    }

    /** Every event of {@code kind} about {@code unit}'s job on {@code incidentId} received so far, each checked signed. */
    private static List<JsonObject> events(PartnerPeer fleets, String kind, String incidentId, String unit) {
        return fleets.received().stream()
                .filter(r -> kind.equals(r.header("X-Sahaya-Event")))
                .map(r -> signed(r))
                .filter(e -> e.getJsonObject("job") != null
                        && incidentId.equals(e.getJsonObject("job").getString("incidentId"))
                        && unit.equals(e.getJsonObject("job").getJsonObject("unit").getString("id")))
                .toList();
    }

    private static JsonObject signed(PartnerPeer.Received received) {
        try {
            assertThat(received.signedWith(WEBHOOK_SECRET)).as("X-Sahaya-Signature of " + received.path()).isTrue();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return new JsonObject(received.body());
    }

    /** The encounter of {@code incidentId} on {@code server} once it has {@code status}. */
    private static Encounter encounter(FhirServer server, String incidentId, String status) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> server.search(Encounter.class, INCIDENT_IDS, incidentId),
                found -> found.size() == 1 && status.equals(found.get(0).getStatus().toCode())).get(0);
    }

    private static Instant at(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value instanceof java.time.OffsetDateTime odt ? odt.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }

    private static List<String> ids(Node node, String sql, String arg) {
        return JobRows.rows(node.database(), sql, arg).stream()
                .map(r -> (String) r.get("id")).toList();
    }
}
