package org.sahaya.server.prearrival;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.secret.SecretColumn;
import org.sahaya.dispatch.eta.ConfiguredEta;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.TestNode;
import org.sahaya.server.audit.AuditEvent;
import org.sahaya.server.delivery.JdbcPartnerOutbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.sahaya.server.PartnerClient.coordinator;
import static org.sahaya.server.PartnerClient.fleetKey;
import static org.sahaya.server.PartnerClient.status;

/**
 * A demo node tells the receiving hospital, over its partner outbox, as the incident goes: a planned Encounter
 * at dispatch, updates, arrival, cancellation; each Bundle valid R4 and taken by a real HAPI FHIR server.
 */
class PreArrivalNoticesTest {

    @TempDir
    static Path data;
    static Node node;
    static DeviceClient devices;
    static PartnerClient partners;
    static FhirServer hospitalServer;

    record Delivery(String deliveryId, String partnerId, String transport, String kind, String body) {
    }

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(data, true);
        devices = new DeviceClient(node);
        partners = new PartnerClient(node);
        hospitalServer = FhirServer.start();
        everyHospitalHears(hospitalServer.baseUrl(), null);
        // The node made its validator ready at start; on a loaded machine that takes a while (seconds of CPU).
        assertThat(R4Validator.shared().awaitWarm(Duration.ofMinutes(3))).isTrue();
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        hospitalServer.close();
    }

    @Test
    void aDispatchLeavesAValidPlannedBundleForTheHospitalWhoseServerTakesIt() throws Exception {
        JsonObject incident = dispatchedFall("demo-0201");
        String id = incident.getString("id");
        JsonObject hospital = incident.getJsonObject("hospital");

        Delivery planned = await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(id), d -> !d.isEmpty()).getFirst();

        assertThat(planned.deliveryId()).isEqualTo("PA-" + id + "-" + hospital.getString("id") + "-1");
        assertThat(planned.partnerId()).isEqualTo(hospital.getString("id"));
        assertThat(planned.transport()).isEqualTo("FHIR");
        assertThat(planned.kind()).isEqualTo("PRE_ARRIVAL");
        Bundle bundle = PreArrivalBundle.context().newJsonParser().parseResource(Bundle.class, planned.body());
        assertThat(R4Validator.shared().check(bundle).errors()).isEmpty();
        assertThat(planned.body()).as("no consent to share the medical profile")
                .doesNotContain("Condition", "AllergyIntolerance", "MedicationStatement");

        HttpResponse<String> taken = FhirServer.post(hospitalServer.baseUrl(), planned.body());
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        Encounter encounter = hospitalServer.search(Encounter.class, "urn:sahaya:incident", id).getFirst();
        assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.PLANNED);
        assertThat(encounter.getServiceProvider().getDisplay()).isEqualTo(hospital.getString("name"));
        assertThat(encounter.getPeriod().getStart().toInstant()).isAfter(Instant.parse(incident.getString("openedAt")));
        String subscriber = subscriberOf(id);
        assertThat(hospitalServer.search(Patient.class, "urn:sahaya:subscriber", subscriber)).hasSize(1);

        assertThat(timeline(incident = devices.incident(id))).anyMatch(m -> m.startsWith("Pre-arrival notice sent to "
                + hospital.getString("name") + " (FHIR): expected "));
        await().atMost(Duration.ofSeconds(10)).until(() -> audited(hospital.getString("id"), id) == 1);
    }

    @Test
    void transportAndArrivalUpdateTheNoticeAndAHandOverHeardAgainSendsNothingMore() {
        JsonObject incident = dispatchedFall("demo-0202");
        String id = incident.getString("id");
        String unit = incident.getJsonObject("unit").getString("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(id).size() == 1);

        for (String s : List.of("EN_ROUTE", "ON_SCENE", "TRANSPORTING", "AT_HOSPITAL", "RETURNING")) {
            assertThat(partners.put("/api/v1/units/" + unit + "/status", fleetKey(unit), status(s)).statusCode()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> kinds(id),
                k -> k.equals(List.of("PRE_ARRIVAL", "PRE_ARRIVAL_UPDATED", "PATIENT_ARRIVED")));
        assertThat(deliveries(id)).allSatisfy(d -> assertThat(R4Validator.shared().check(
                PreArrivalBundle.context().newJsonParser().parseResource(Bundle.class, d.body())).errors()).isEmpty());
        assertThat(deliveries(id).getLast().body()).contains("\"status\":\"arrived\"");
        assertThat(deliveries(id)).extracting(Delivery::deliveryId).allMatch(d -> d.startsWith("PA-" + id + "-"))
                .doesNotHaveDuplicates();
    }

    @Test
    void aCoordinatorsCloseCancelsTheNotice() throws Exception {
        JsonObject incident = dispatchedFall("demo-0203");
        String id = incident.getString("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(id).size() == 1);

        assertThat(partners.post("/api/v1/incidents/" + id + "/close", coordinator(node),
                new JsonObject().put("reason", "false alarm confirmed by phone")).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> kinds(id), k -> k.equals(List.of("PRE_ARRIVAL",
                "PRE_ARRIVAL_CANCELLED")));
        assertThat(deliveries(id).getLast().body()).contains("\"status\":\"cancelled\"");
        assertThat(FhirServer.post(hospitalServer.baseUrl(), deliveries(id).getFirst().body()).statusCode()).isEqualTo(200);
        assertThat(FhirServer.post(hospitalServer.baseUrl(), deliveries(id).getLast().body()).statusCode()).isEqualTo(200);
        assertThat(hospitalServer.search(Encounter.class, "urn:sahaya:incident", id)).singleElement()
                .satisfies(e -> assertThat(e.getStatus()).isEqualTo(Encounter.EncounterStatus.CANCELLED));
    }

    @Test
    void withConsentTheHospitalWithoutFhirGetsAWebhookNoticeWithTheMedicalProfile() throws Exception {
        String subscriber = subscriberOfDevice("demo-0204");
        shareMedicalProfile(subscriber);
        everyHospitalHears(null, "http://127.0.0.1:9/hospital-webhook");
        try {
            JsonObject incident = dispatchedFall("demo-0204");
            String id = incident.getString("id");

            Delivery planned = await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(id), d -> !d.isEmpty())
                    .getFirst();

            assertThat(planned.transport()).isEqualTo("WEBHOOK");
            JsonObject notice = new JsonObject(planned.body());
            assertThat(notice.getString("event")).isEqualTo("PRE_ARRIVAL");
            assertThat(notice.getString("deliveryId")).isEqualTo(planned.deliveryId());
            assertThat(notice.getString("incidentId")).isEqualTo(id);
            assertThat(notice.getJsonObject("patient").getJsonObject("medical").getJsonArray("allergies").getList())
                    .containsExactly("Penicillin");
            Bundle bundle = PreArrivalBundle.context().newJsonParser().parseResource(Bundle.class,
                    notice.getJsonObject("bundle").encode());
            assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType())
                    .contains("Patient", "Encounter", "Condition", "AllergyIntolerance", "MedicationStatement");
            assertThat(R4Validator.shared().check(bundle).errors()).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> audited(incident.getJsonObject("hospital").getString("id"),
                    id) == 1);
        } finally {
            everyHospitalHears(hospitalServer.baseUrl(), null);
        }
    }

    @Test
    void aHospitalWithNeitherFhirNorWebhookGetsNothingButATimelineLine() {
        everyHospitalHears(null, null);
        try {
            JsonObject incident = dispatchedFall("demo-0205");
            String id = incident.getString("id");
            String name = incident.getJsonObject("hospital").getString("name");

            await().atMost(Duration.ofSeconds(20)).until(() -> timeline(devices.incident(id)),
                    t -> t.stream().anyMatch(m -> m.startsWith("No pre-arrival notice to " + name
                            + ": it has no FHIR endpoint and no webhook (expected ")));
            assertThat(deliveries(id)).isEmpty();
        } finally {
            everyHospitalHears(hospitalServer.baseUrl(), null);
        }
    }

    @Test
    void aHospitalChangeCancelsAtTheFirstAndPlansAtTheNextAndOnlyAMovedEtaUpdates() throws Exception {
        JsonObject dispatched = dispatchedFall("demo-0206");
        String id = dispatched.getString("id");
        String first = dispatched.getJsonObject("hospital").getString("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(id).size() == 1);
        Incident incident = node.database().withConnection(c -> new IncidentRepository().find(c, id)).orElseThrow();
        String next = node.grid().hospitals().keySet().stream().filter(h -> !h.equals(first)).sorted().findFirst()
                .orElseThrow();
        List<AuditEvent> audited = new java.util.concurrent.CopyOnWriteArrayList<>();
        // A listener of the test's own beside the node's: the same database, grid and outbox table.
        PreArrivalNotices notices = new PreArrivalNotices(new PreArrivalNotices.Parts(node.database(), node.grid(),
                node.grid(), node.secrets(), new ExpectedArrival(ConfiguredEta.model(node.config().eta()),
                Duration.ofMinutes(15), node.config().city().timeZone()), R4Validator.shared(), audited::add,
                Clock.systemUTC()), JdbcPartnerOutbox.rowsOnly(Clock.systemUTC()));
        Instant at = Instant.now();
        Incident moved = incident.withHospital(next, at);

        notices.changed(new IncidentChange.HospitalChanged(moved, at, first, next, "declined: no ER bed"));
        assertThat(notices.idle(30)).isTrue();

        assertThat(deliveries(id)).extracting(Delivery::deliveryId, Delivery::kind).containsExactly(
                tuple("PA-" + id + "-" + first + "-1", "PRE_ARRIVAL"),
                tuple("PA-" + id + "-" + first + "-2", "PRE_ARRIVAL_CANCELLED"),
                tuple("PA-" + id + "-" + next + "-1", "PRE_ARRIVAL"));
        assertThat(audited).extracting(AuditEvent::actor).containsExactly(first, next);

        notices.changed(new IncidentChange.EtaChanged(eta(moved, moved.etaSeconds() + 30), at, moved.unitId(),
                moved.etaSeconds()));
        notices.changed(new IncidentChange.HospitalChanged(moved, at, null, next, "heard again"));
        assertThat(notices.idle(30)).isTrue();
        assertThat(deliveries(id)).as("a 30 s move and an event heard again tell nothing").hasSize(3);

        notices.changed(new IncidentChange.EtaChanged(eta(moved, moved.etaSeconds() + 600), at, moved.unitId(),
                moved.etaSeconds()));
        assertThat(notices.idle(30)).isTrue();
        assertThat(deliveries(id).getLast().kind()).isEqualTo("PRE_ARRIVAL_UPDATED");
        assertThat(deliveries(id).getLast().deliveryId()).isEqualTo("PA-" + id + "-" + next + "-2");
    }

    private static Incident eta(Incident i, int seconds) {
        return new Incident(i.id(), i.subscriberId(), i.alertType(), i.priority(), i.action(), i.state(), i.location(),
                i.openedAt(), i.updatedAt(), i.needs(), i.bedKind(), i.unitId(), i.hospitalId(), seconds, i.dispatchedAt());
    }

    private static JsonObject dispatchedFall(String device) {
        HttpResponse<String> r = devices.send(device, DeviceClient.alert("fall-" + device, device, "FALL").encode());
        assertThat(r.statusCode()).isEqualTo(202);
        String id = new JsonObject(r.body()).getString("incidentId");
        try {
            return await().atMost(Duration.ofSeconds(20)).until(() -> devices.incident(id),
                    i -> "DISPATCHED".equals(i.getString("state")) && i.getJsonObject("hospital") != null);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not dispatched with a hospital: " + devices.incident(id).encodePrettily(), e);
        }
    }

    private static void everyHospitalHears(String fhirBaseUrl, String webhookUrl) {
        node.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE hospitals SET fhir_base_url = ?")) {
                ps.setString(1, fhirBaseUrl);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE partners SET webhook_url = ? WHERE kind = 'HOSPITAL'")) {
                ps.setString(1, webhookUrl);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void shareMedicalProfile(String subscriber) {
        String profile = new JsonObject().put("conditions", List.of("Type 2 diabetes")).put("allergies", List.of("Penicillin"))
                .put("medications", List.of(new JsonObject().put("name", "Metformin").put("dose", "500 mg").getMap()))
                .encode();
        node.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE subscribers SET medical_profile = ? WHERE id = ?")) {
                ps.setString(1, node.secrets().seal(SecretColumn.MEDICAL_PROFILE, subscriber, profile));
                ps.setString(2, subscriber);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO consents (subscriber_id, purpose, granted,"
                    + " recorded_by, recorded_at, method) VALUES (?, 'SHARE_MEDICAL_PROFILE', TRUE, 'test', ?, 'WRITTEN')")) {
                ps.setString(1, subscriber);
                ps.setObject(2, java.time.OffsetDateTime.now());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static List<Delivery> deliveries(String incidentId) {
        return node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT delivery_id, partner_id, transport, kind, body"
                    + " FROM partner_deliveries WHERE incident_id = ? ORDER BY id")) {
                ps.setString(1, incidentId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Delivery> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)));
                    }
                    return out;
                }
            }
        });
    }

    private static List<String> kinds(String incidentId) {
        return deliveries(incidentId).stream().map(Delivery::kind).toList();
    }

    private static String subscriberOf(String incidentId) {
        return one("SELECT subscriber_id FROM incidents WHERE id = ?", incidentId);
    }

    private static String subscriberOfDevice(String deviceId) {
        return one("SELECT subscriber_id FROM devices WHERE id = ?", deviceId);
    }

    private static int audited(String hospitalId, String incidentId) {
        return Integer.parseInt(one("SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action = 'prearrival.disclose'"
                + " AND record = 'incidents/" + incidentId + "'", hospitalId));
    }

    private static String one(String sql, String arg) {
        return node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, arg);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    private static List<String> timeline(JsonObject incident) {
        return incident.getJsonArray("timeline").stream().map(o -> ((JsonObject) o).getString("message")).toList();
    }
}
