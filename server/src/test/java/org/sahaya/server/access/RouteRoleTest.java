package org.sahaya.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.sahaya.server.access.RouteRoleTest.Who.ADMIN;
import static org.sahaya.server.access.RouteRoleTest.Who.AUDITOR;
import static org.sahaya.server.access.RouteRoleTest.Who.COORDINATOR;
import static org.sahaya.server.access.RouteRoleTest.Who.CREW_OTHER;
import static org.sahaya.server.access.RouteRoleTest.Who.CREW_OWN;
import static org.sahaya.server.access.RouteRoleTest.Who.FLEET_OTHER;
import static org.sahaya.server.access.RouteRoleTest.Who.FLEET_OWN;
import static org.sahaya.server.access.RouteRoleTest.Who.HOSPITAL_OTHER;
import static org.sahaya.server.access.RouteRoleTest.Who.HOSPITAL_OWN;
import static org.sahaya.server.access.RouteRoleTest.Who.NONE;
import static org.sahaya.server.access.RouteRoleTest.Who.SUPERVISOR;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.NodeDigest;
import org.sahaya.server.Staff;
import org.sahaya.server.TestNode;
import org.sahaya.server.http.contract.ContractDocument;
import org.yaml.snakeyaml.Yaml;

/**
 * Every operation of the contract × every kind of caller, on a real demo node: who is let through,
 * who is refused (401 without credentials, 403 with the wrong role or someone else's unit or
 * hospital), and that every refusal changed nothing in the database or the grid. An operation
 * missing from {@link #ALLOWED} or {@link #OWN_CREDENTIAL} fails the test: a new route must say who
 * may use it.
 */
class RouteRoleTest {

    /**
     * The callers: nobody, a person per role, a partner's key on its own or someone else's record, and
     * the crew of the incident's unit or of another unit (issue 17).
     */
    enum Who { NONE, ADMIN, SUPERVISOR, COORDINATOR, AUDITOR, FLEET_OWN, FLEET_OTHER, HOSPITAL_OWN, HOSPITAL_OTHER,
        CREW_OWN, CREW_OTHER }

    private static final Set<Who> WATCHERS = EnumSet.of(COORDINATOR, SUPERVISOR, AUDITOR);

    /** Operations gated by role: who gets past the gate (and past the partner's scope). */
    static final Map<String, Set<Who>> ALLOWED = Map.ofEntries(
            Map.entry("getIncident", union(WATCHERS, EnumSet.of(FLEET_OWN, HOSPITAL_OWN))),
            // A partner's list is filtered (see listsShowAPartnerOnlyItsOwn); every partner gets a list.
            Map.entry("listIncidents", union(WATCHERS, EnumSet.of(FLEET_OWN, FLEET_OTHER, HOSPITAL_OWN, HOSPITAL_OTHER))),
            Map.entry("listSandboxMessages", union(WATCHERS, EnumSet.of(ADMIN))),
            Map.entry("putContact", EnumSet.of(ADMIN)),
            // A crew reads and reports its own unit only (issue 17); another unit's crew gets 403 not-your-unit.
            Map.entry("getUnit", EnumSet.of(FLEET_OWN, CREW_OWN, COORDINATOR, SUPERVISOR, ADMIN)),
            Map.entry("postUnitPosition", EnumSet.of(FLEET_OWN, CREW_OWN, COORDINATOR, SUPERVISOR)),
            Map.entry("putUnitStatus", EnumSet.of(FLEET_OWN, CREW_OWN, COORDINATOR, SUPERVISOR)),
            Map.entry("getHospital", EnumSet.of(HOSPITAL_OWN, FLEET_OWN, FLEET_OTHER, COORDINATOR, SUPERVISOR, ADMIN)),
            Map.entry("putHospitalBeds", EnumSet.of(HOSPITAL_OWN, COORDINATOR, SUPERVISOR)),
            Map.entry("postIncidentAssignment", EnumSet.of(COORDINATOR, SUPERVISOR)),
            Map.entry("closeIncident", EnumSet.of(COORDINATOR, SUPERVISOR)),
            Map.entry("createPartner", EnumSet.of(ADMIN)),
            Map.entry("listPartners", EnumSet.of(ADMIN)),
            Map.entry("rotatePartnerKey", EnumSet.of(ADMIN)),
            // Lists: a fleet sees its own units, a hospital itself, a fleet every hospital (a crew's destination).
            Map.entry("listUnits", EnumSet.of(COORDINATOR, SUPERVISOR, ADMIN, FLEET_OWN, FLEET_OTHER)),
            Map.entry("listHospitals", EnumSet.of(COORDINATOR, SUPERVISOR, ADMIN, HOSPITAL_OWN, HOSPITAL_OTHER,
                    FLEET_OWN, FLEET_OTHER)),
            Map.entry("listAudit", EnumSet.of(AUDITOR, ADMIN)),
            Map.entry("verifyAudit", EnumSet.of(AUDITOR, ADMIN)),
            Map.entry("getCity", EnumSet.of(ADMIN, SUPERVISOR, COORDINATOR, AUDITOR)),
            // Issue 15, people: personal and health data, admin only (reads too).
            Map.entry("createSubscriber", EnumSet.of(ADMIN)),
            Map.entry("listSubscribers", EnumSet.of(ADMIN)),
            Map.entry("getSubscriber", EnumSet.of(ADMIN)),
            Map.entry("putSubscriber", EnumSet.of(ADMIN)),
            Map.entry("listConsents", EnumSet.of(ADMIN)),
            Map.entry("putConsent", EnumSet.of(ADMIN)),
            Map.entry("createContact", EnumSet.of(ADMIN)),
            Map.entry("listContacts", EnumSet.of(ADMIN)),
            Map.entry("getContact", EnumSet.of(ADMIN)),
            Map.entry("deleteContact", EnumSet.of(ADMIN)),
            Map.entry("createDevice", EnumSet.of(ADMIN)),
            Map.entry("listDevices", EnumSet.of(ADMIN)),
            Map.entry("getDevice", EnumSet.of(ADMIN)),
            Map.entry("rotateDeviceSecret", EnumSet.of(ADMIN)),
            Map.entry("revokeDevice", EnumSet.of(ADMIN)),
            // Issue 15, city records: an admin writes; consoles (coordinator, supervisor) read fleets and areas.
            Map.entry("createUnit", EnumSet.of(ADMIN)),
            Map.entry("updateUnit", EnumSet.of(ADMIN)),
            Map.entry("deleteUnit", EnumSet.of(ADMIN)),
            Map.entry("getFleet", EnumSet.of(ADMIN, SUPERVISOR, COORDINATOR)),
            Map.entry("createHospital", EnumSet.of(ADMIN)),
            Map.entry("updateHospital", EnumSet.of(ADMIN)),
            Map.entry("deleteHospital", EnumSet.of(ADMIN)),
            Map.entry("putServiceArea", EnumSet.of(ADMIN)),
            Map.entry("getServiceArea", EnumSet.of(ADMIN, SUPERVISOR, COORDINATOR)),
            Map.entry("listServiceAreas", EnumSet.of(ADMIN, SUPERVISOR, COORDINATOR)),
            Map.entry("deleteServiceArea", EnumSet.of(ADMIN)),
            Map.entry("createDc09Account", EnumSet.of(ADMIN)),
            Map.entry("listDc09Accounts", EnumSet.of(ADMIN)),
            Map.entry("getDc09Account", EnumSet.of(ADMIN)),
            Map.entry("updateDc09Account", EnumSet.of(ADMIN)),
            Map.entry("deleteDc09Account", EnumSet.of(ADMIN)),
            // Data-subject rights (issue 15, privacy). The test's subscriber has an open incident: its erasure is 409.
            Map.entry("exportSubscriber", EnumSet.of(ADMIN)),
            Map.entry("eraseSubscriber", EnumSet.of(ADMIN)),
            Map.entry("importCity", EnumSet.of(ADMIN)),
            // Issue 17, the hospital decides: only the hospital the patient is bound for (another gets not-your-patient).
            Map.entry("decideHospital", EnumSet.of(HOSPITAL_OWN)),
            // Issue 17, jobs: a fleet its own units' jobs, coordinators and supervisors any, a crew its own unit's.
            // The job answered is one already ended: allowed callers get 409, nothing moves.
            Map.entry("getUnitJob", EnumSet.of(FLEET_OWN, CREW_OWN, COORDINATOR, SUPERVISOR)),
            Map.entry("acceptJob", EnumSet.of(FLEET_OWN, CREW_OWN, COORDINATOR, SUPERVISOR)),
            Map.entry("declineJob", EnumSet.of(FLEET_OWN, CREW_OWN, COORDINATOR, SUPERVISOR)),
            // Issue 17, the partner outbox: a partner's webhook is an admin's to set (to FLEET-NOPE here: 404).
            Map.entry("putPartnerWebhook", EnumSet.of(ADMIN)),
            Map.entry("deletePartnerWebhook", EnumSet.of(ADMIN)),
            // Issue 18: service-level reports; a partner's report is narrowed to its own group (SlaReportApiTest).
            Map.entry("slaReport", EnumSet.of(SUPERVISOR, AUDITOR, FLEET_OWN, FLEET_OTHER, HOSPITAL_OWN, HOSPITAL_OTHER)));

    /** Operations that carry their own credential: a person's session or a partner's key changes nothing. */
    static final Set<String> OWN_CREDENTIAL = Set.of("postAlert", "postHeartbeat", "twilioStatus", "twilioVoiceGather",
            "twilioSmsReply", "ackLinkPage", "ackLinkConfirm", "postAcknowledgement", "login", "logout");

    @TempDir
    static Path dir;
    private static Node node;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<Who, Map<String, String>> CREDENTIALS = new EnumMap<>(Who.class);
    private static String incidentId;
    private static String unitId;
    private static String hospitalId;
    private static String subscriberId;

    @BeforeAll
    static void start() throws Exception {
        // Eleven callers each send a forged device signature to postAlert: more than the default 10 failures
        // that block a device id (the answers must stay 401, not 429).
        node = Node.start(TestNode.config(dir, true, Map.of("SAHAYA_DEVICE_AUTH_FAILURES", "50")),
                java.time.Clock.systemUTC());
        for (Who who : List.of(ADMIN, SUPERVISOR, COORDINATOR, AUDITOR)) {
            CREDENTIALS.put(who, Map.of("Authorization", "Bearer " + Staff.login(node, "demo-" + who.name().toLowerCase())));
        }
        CREDENTIALS.put(NONE, Map.of());
        DeviceClient device = new DeviceClient(node);
        HttpResponse<String> sent = device.send("demo-0001", DeviceClient.alert("rr-1", "demo-0001", "FALL").encode());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        incidentId = new JsonObject(sent.body()).getString("incidentId");
        JsonObject incident = await().atMost(Duration.ofSeconds(20)).until(
                () -> new JsonObject(call(COORDINATOR, "GET", "/api/v1/incidents/" + incidentId, null).body()),
                i -> "DISPATCHED".equals(i.getString("state")) && i.getJsonObject("hospital") != null);
        unitId = incident.getJsonObject("unit").getString("id");
        hospitalId = incident.getJsonObject("hospital").getString("id");
        subscriberId = incident.getJsonObject("subscriber").getString("id");
        JsonArray units = new JsonArray(call(ADMIN, "GET", "/api/v1/units", null).body());
        String ownFleet = null;
        TreeSet<String> fleets = new TreeSet<>();
        for (Object o : units) {
            JsonObject u = (JsonObject) o;
            fleets.add(u.getString("partner"));
            if (u.getString("id").equals(unitId)) {
                ownFleet = u.getString("partner");
            }
        }
        String own = ownFleet;
        String otherFleet = fleets.stream().filter(f -> !f.equals(own)).findFirst().orElseThrow();
        JsonArray hospitals = new JsonArray(call(ADMIN, "GET", "/api/v1/hospitals", null).body());
        String otherHospital = hospitals.stream().map(o -> ((JsonObject) o).getString("id"))
                .filter(h -> !h.equals(hospitalId)).findFirst().orElseThrow();
        CREDENTIALS.put(FLEET_OWN, Map.of("X-Api-Key", "demo-key-" + own));
        CREDENTIALS.put(FLEET_OTHER, Map.of("X-Api-Key", "demo-key-" + otherFleet));
        CREDENTIALS.put(HOSPITAL_OWN, Map.of("X-Api-Key", "demo-key-" + hospitalId));
        CREDENTIALS.put(HOSPITAL_OTHER, Map.of("X-Api-Key", "demo-key-" + otherHospital));
        String otherUnit = units.stream().map(o -> ((JsonObject) o).getString("id")).filter(u -> !u.equals(unitId))
                .findFirst().orElseThrow();
        CREDENTIALS.put(CREW_OWN, Map.of("Authorization", "Bearer " + Staff.crew(node, unitId)));
        CREDENTIALS.put(CREW_OTHER, Map.of("Authorization", "Bearer " + Staff.crew(node, otherUnit)));
        node.database().withConnection(c -> {
            try (var ps = c.prepareStatement("INSERT INTO jobs (id, incident_id, unit_id, fleet_id, role, state, offered_at,"
                    + " accept_by, ended_at, end_reason, ended_by) VALUES (?, ?, ?, ?, 'PRIMARY', 'DONE', CURRENT_TIMESTAMP,"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'route role test', 'test')")) {
                ps.setString(1, ENDED_JOB);
                ps.setString(2, incidentId);
                ps.setString(3, unitId);
                ps.setString(4, own);
                return ps.executeUpdate();
            }
        });
    }

    /** A job of the test's unit that has ended: accepting or declining it changes nothing. */
    private static final String ENDED_JOB = "JOB-RR-ENDED";

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void everyOperationOfTheContractSaysWhoMayUseIt() {
        Set<String> unnamed = new TreeSet<>(operations().keySet());
        unnamed.removeAll(ALLOWED.keySet());
        unnamed.removeAll(OWN_CREDENTIAL);
        assertThat(unnamed).as("operations missing from the route × role table").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationTimesEveryCaller() {
        return operations().entrySet().stream().map(op -> DynamicTest.dynamicTest(op.getKey(), () -> {
            String operation = op.getKey();
            if (OWN_CREDENTIAL.contains(operation)) {
                sameAnswerForEveryone(operation, op.getValue());
                return;
            }
            Set<Who> allowed = ALLOWED.get(operation);
            if (allowed == null) {
                fail(operation + " is not in the route × role table");
            }
            // refusals first: each must change nothing
            for (Who who : Who.values()) {
                if (allowed.contains(who)) {
                    continue;
                }
                String before = NodeDigest.of(node);
                HttpResponse<String> r = request(operation, op.getValue(), who);
                assertThat(r.statusCode()).as("%s by %s: %s", operation, who, r.body()).isEqualTo(who == NONE ? 401 : 403);
                assertThat(NodeDigest.of(node)).as("%s refused to %s changed something", operation, who).isEqualTo(before);
            }
            for (Who who : allowed) {
                HttpResponse<String> r = request(operation, op.getValue(), who);
                assertThat(r.statusCode()).as("%s by %s: %s", operation, who, r.body())
                        .isNotIn(401, 403, 429).isLessThan(500);
            }
        }));
    }

    @Test
    void listsShowAPartnerOnlyItsOwn() throws Exception {
        assertThat(call(FLEET_OWN, "GET", "/api/v1/incidents?limit=1000", null).body()).contains(incidentId);
        assertThat(call(HOSPITAL_OWN, "GET", "/api/v1/incidents?limit=1000", null).body()).contains(incidentId);
        assertThat(call(FLEET_OTHER, "GET", "/api/v1/incidents?limit=1000", null).body()).doesNotContain(incidentId);
        assertThat(call(HOSPITAL_OTHER, "GET", "/api/v1/incidents?limit=1000", null).body()).doesNotContain(incidentId);
    }

    @Test
    void aPartnerSeesANarrowerViewThanACoordinator() throws Exception {
        JsonObject crew = new JsonObject(call(FLEET_OWN, "GET", "/api/v1/incidents/" + incidentId, null).body());
        JsonObject patient = new JsonObject(call(HOSPITAL_OWN, "GET", "/api/v1/incidents/" + incidentId, null).body());

        assertThat(crew.getJsonObject("location")).isNotNull();
        assertThat(crew.fieldNames()).doesNotContain("notifications", "timeline", "escalation", "alerts");
        assertThat(patient.fieldNames()).doesNotContain("location", "notifications", "timeline", "escalation");
        assertThat(patient.getString("patientName")).isNotBlank();
    }

    private static void sameAnswerForEveryone(String operation, String[] methodAndPath) throws Exception {
        int nobody = request(operation, methodAndPath, NONE).statusCode();
        for (Who who : Who.values()) {
            if (operation.equals("logout") && CREDENTIALS.get(who).containsKey("Authorization")) {
                continue; // it would end the session the other operations use (SessionApiTest covers it)
            }
            assertThat(request(operation, methodAndPath, who).statusCode())
                    .as("%s by %s answers as it does to nobody", operation, who).isEqualTo(nobody);
        }
    }

    private static HttpResponse<String> request(String operation, String[] methodAndPath, Who who) throws Exception {
        String path = (CITY_WRITES.contains(operation) ? methodAndPath[1].replace("{id}", "RR-NOPE")
                : methodAndPath[1])
                .replace("/fleets/{id}", "/fleets/FLEET-NOPE")
                .replace("{name}", "rr-nope")
                .replace("{account}", "ABC999")
                .replace("/incidents/{id}", "/incidents/" + (coordinatorWrite(operation) ? "INC-NOPE" : incidentId))
                .replace("/devices/{id}", "/devices/demo-0002")
                .replace("/units/{id}", "/units/" + unitId)
                .replace("/hospitals/{id}", "/hospitals/" + hospitalId)
                .replace("/subscribers/{id}", "/subscribers/" + subscriberId)
                .replace("{contactId}", "RR-1")
                .replace("/contacts/{id}", "/contacts/RR-1")
                .replace("{purpose}", "FAMILY_NOTIFICATION")
                .replace("{token}", "forged-link-token")
                .replace("/partners/{id}", "/partners/FLEET-NOPE")
                .replace("{jobId}", ENDED_JOB);
        return call(who, methodAndPath[0], path, body(operation));
    }

    /** An admin's changes and removals of city records go to records that do not exist: 404, nothing moves. */
    private static final Set<String> CITY_WRITES = Set.of("updateUnit", "deleteUnit", "updateHospital", "deleteHospital");

    /** The coordinator's writes go to an incident that does not exist: allowed callers get 404, nothing moves. */
    private static boolean coordinatorWrite(String operation) {
        return operation.equals("postIncidentAssignment") || operation.equals("closeIncident");
    }

    private static JsonObject body(String operation) {
        return switch (operation) {
            case "putContact" -> new JsonObject().put("name", "Synthetic Contact").put("relation", "son")
                    .put("phone", "+447911123499").put("language", "en-GB").put("timeZone", "Europe/London").put("rank", 9);
            case "putConsent" -> new JsonObject().put("granted", true).put("method", "VERBAL");
            case "postUnitPosition" -> new JsonObject().put("lat", 12.97).put("lon", 77.59);
            case "putUnitStatus" -> new JsonObject().put("status", "EN_ROUTE");
            case "putHospitalBeds" -> new JsonObject().put("freeBeds", new JsonObject().put("ER", 3));
            case "postIncidentAssignment" -> new JsonObject().put("unitId", unitId).put("reason", "route role test");
            case "closeIncident" -> new JsonObject().put("reason", "route role test");
            case "postAlert" -> DeviceClient.alert("rr-x", "demo-0002", "TEST");
            case "postHeartbeat" -> new JsonObject().put("battery", 80);
            case "postAcknowledgement" -> new JsonObject().put("token", "forged-push-token");
            // incomplete: refused by the contract (422) before it could count as a failed login
            case "login" -> new JsonObject().put("username", "nobody");
            case "createPartner" -> new JsonObject().put("id", "FLEET-RR").put("kind", "HOSPITAL").put("name", "No such hospital");
            case "putPartnerWebhook" -> new JsonObject().put("url", "https://fleet.example/hooks")
                    .put("secret", "route-role-test-secret");
            case "importCity" -> new JsonObject().put("format", "sahaya-city/1"); // an empty city: nothing changes
            // an accept: the patient stays where the other operations expect it
            case "decideHospital" -> new JsonObject().put("decision", "ACCEPT").put("reason", "route role test");
            case "declineJob" -> new JsonObject().put("reason", "route role test");
            default -> null;
        };
    }

    static HttpResponse<String> call(Who who, String method, String path, JsonObject body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        CREDENTIALS.getOrDefault(who, Map.of()).forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** operationId → {method, path template}, from the contract. */
    @SuppressWarnings("unchecked")
    static Map<String, String[]> operations() {
        Map<String, Object> contract = new Yaml().load(ContractDocument.load(ContractDocument.CONTRACT).encode());
        Map<String, String[]> out = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) contract.get("paths")).forEach((path, methods) -> methods.forEach((m, op) -> {
            if (op instanceof Map<?, ?> operation && operation.get("operationId") != null) {
                out.put((String) operation.get("operationId"), new String[] {m.toUpperCase(), path});
            }
        }));
        return out;
    }

    private static Set<Who> union(Set<Who> a, Set<Who> b) {
        Set<Who> all = EnumSet.noneOf(Who.class);
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
