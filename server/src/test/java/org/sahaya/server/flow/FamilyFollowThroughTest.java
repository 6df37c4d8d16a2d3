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
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.template.MessageTemplates;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.TestNode;
import org.sahaya.server.demo.DemoCity;

/**
 * The family is told each step after the dispatch, over real HTTP on the demo city: another unit and why
 * (twice, each its own message), the crew with them, on the way to the hospital, arrived, and how it ended
 * (handed over, closed by a coordinator, treated at home). Each contact gets one message per step and
 * channel, in their language, however often the change is heard.
 */
class FamilyFollowThroughTest {

    private static final Map<String, Contact> CONTACTS = DemoCity.generate(DemoCity.DEFAULT_SEED).contacts().stream()
            .collect(Collectors.toMap(Contact::id, Function.identity()));
    private static final MessageTemplates TEMPLATES = MessageTemplates.load();

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
    void aDeclineABreakdownAndAHandOverAreEachToldOncePerContactAndChannel() {
        JsonObject first = dispatchedFall("demo-0151");
        String id = first.getString("id");
        String declined = unitOf(first);

        report(declined, "AVAILABLE");
        JsonObject second = awaitUnitOtherThan(id, declined);
        String broken = unitOf(second);
        report(broken, "EN_ROUTE");
        report(broken, "OUT_OF_SERVICE");
        JsonObject third = awaitUnitOtherThan(id, broken);
        String last = unitOf(third);
        for (String s : List.of("EN_ROUTE", "ON_SCENE", "TRANSPORTING", "AT_HOSPITAL", "RETURNING")) {
            report(last, s);
        }

        List<String> steps = List.of("DISPATCHED", "NEW_UNIT_DECLINED:" + broken, "NEW_UNIT_BROKE_DOWN:" + last,
                "ON_SCENE", "TO_HOSPITAL", "AT_HOSPITAL", "HANDED_OVER");
        List<JsonObject> told = awaitSteps(id, steps);
        assertOncePerStepContactAndChannel(told, steps);
        String callSign = third.getJsonObject("unit").getString("callSign");
        String hospital = third.getJsonObject("hospital").getString("name");
        assertThat(told).filteredOn(n -> n.getString("step").startsWith("NEW_UNIT_BROKE_DOWN"))
                .allSatisfy(n -> assertThat(n.getString("text")).contains(callSign, hospital));
        assertThat(told).filteredOn(n -> n.getString("step").equals("TO_HOSPITAL"))
                .allSatisfy(n -> assertThat(n.getString("text")).contains(callSign, hospital));
        assertThat(told).filteredOn(n -> n.getString("language").equals("en"))
                .filteredOn(n -> n.getString("step").startsWith("NEW_UNIT_DECLINED"))
                .allSatisfy(n -> assertThat(n.getString("text")).contains("could not take the call"));
        // The crew's own words ("note") never reach the family.
        assertThat(told).allSatisfy(n -> assertThat(n.getString("text")).doesNotContain("note from crew"));
    }

    @Test
    void aCoordinatorsCloseIsToldOnce() {
        JsonObject incident = dispatchedFall("demo-0152");
        String id = incident.getString("id");

        HttpResponse<String> r = partners.post("/api/v1/incidents/" + id + "/close", coordinator(node),
                new JsonObject().put("reason", "family called: went with a neighbour"));
        assertThat(r.statusCode()).isEqualTo(200);

        List<String> steps = List.of("DISPATCHED", "CLOSED");
        List<JsonObject> told = awaitSteps(id, steps);
        assertOncePerStepContactAndChannel(told, steps);
        assertThat(told).allSatisfy(n -> assertThat(n.getString("text")).doesNotContain("neighbour"));
    }

    @Test
    void aCoordinatorsNearerUnitIsToldWithoutTheCoordinatorsReason() {
        JsonObject incident = dispatchedFall("demo-0154");
        String id = incident.getString("id");
        String chosen = availableUnitOtherThan(unitOf(incident));

        HttpResponse<String> r = partners.post("/api/v1/incidents/" + id + "/assignment", coordinator(node),
                new JsonObject().put("unitId", chosen).put("reason", "the crew knows the building"));
        assertThat(r.statusCode()).isEqualTo(200);

        List<String> steps = List.of("DISPATCHED", "NEW_UNIT_NEARER:" + chosen);
        List<JsonObject> told = awaitSteps(id, steps);
        assertOncePerStepContactAndChannel(told, steps);
        assertThat(told).allSatisfy(n -> assertThat(n.getString("text")).doesNotContain("building"));
    }

    @Test
    void aPatientTreatedAtHomeIsToldAsSuch() {
        JsonObject incident = dispatchedFall("demo-0153");
        String id = incident.getString("id");
        String unit = unitOf(incident);
        for (String s : List.of("EN_ROUTE", "ON_SCENE", "RETURNING")) {
            report(unit, s);
        }

        List<String> steps = List.of("DISPATCHED", "ON_SCENE", "TREATED_ON_SCENE");
        List<JsonObject> told = awaitSteps(id, steps);
        assertOncePerStepContactAndChannel(told, steps);
    }

    private static void report(String unit, String s) {
        assertThat(partners.put("/api/v1/units/" + unit + "/status", fleetKey(unit),
                status(s).put("note", "note from crew")).statusCode()).as(unit + " " + s).isEqualTo(200);
    }

    /** The family messages of {@code id} once every one of {@code steps} has been written (escalation calls left out). */
    private static List<JsonObject> awaitSteps(String id, List<String> steps) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> familyMessages(id),
                told -> told.stream().map(n -> n.getString("step")).collect(Collectors.toSet()).containsAll(steps));
    }

    private static List<JsonObject> familyMessages(String id) {
        return devices.incident(id).getJsonArray("notifications").stream().map(o -> (JsonObject) o)
                .filter(n -> !n.getString("step").startsWith("ESCALATION_")).toList();
    }

    /**
     * Exactly the given steps, each to every contact on the channels the dispatch went by, once, in the
     * contact's language.
     */
    private static void assertOncePerStepContactAndChannel(List<JsonObject> told, List<String> steps) {
        assertThat(told).extracting(n -> n.getString("step")).containsOnlyElementsOf(steps);
        assertThat(told).extracting(n -> n.getString("contactId") + "/" + n.getString("channel") + "/" + n.getString("step"))
                .doesNotHaveDuplicates();
        Set<String> dispatchedTo = told.stream().filter(n -> n.getString("step").equals("DISPATCHED"))
                .map(n -> n.getString("contactId") + "/" + n.getString("channel")).collect(Collectors.toSet());
        assertThat(dispatchedTo).isNotEmpty();
        for (String step : steps) {
            assertThat(told.stream().filter(n -> n.getString("step").equals(step))
                    .map(n -> n.getString("contactId") + "/" + n.getString("channel")).collect(Collectors.toSet()))
                    .as(step).isEqualTo(dispatchedTo);
        }
        assertThat(told).allSatisfy(n -> {
            Contact contact = CONTACTS.get(n.getString("contactId"));
            assertThat(contact).as(n.getString("contactId")).isNotNull();
            assertThat(n.getString("language")).as(n.getString("step"))
                    .isEqualTo(TEMPLATES.languageFor(contact.language()));
            assertThat(n.getString("text")).doesNotContain("{", "}");
        });
    }

    private static JsonObject dispatchedFall(String device) {
        HttpResponse<String> r = devices.send(device, DeviceClient.alert("fall-" + device, device, "FALL").encode());
        assertThat(r.statusCode()).isEqualTo(202);
        String id = new JsonObject(r.body()).getString("incidentId");
        return await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(id),
                i -> "DISPATCHED".equals(i.getString("state")) && i.getJsonObject("hospital") != null);
    }

    private static JsonObject awaitUnitOtherThan(String id, String unit) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(id),
                i -> "DISPATCHED".equals(i.getString("state")) && i.getJsonObject("unit") != null && !unit.equals(unitOf(i)));
    }

    private static String unitOf(JsonObject incident) {
        JsonObject unit = incident.getJsonObject("unit");
        return unit == null ? null : unit.getString("id");
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
