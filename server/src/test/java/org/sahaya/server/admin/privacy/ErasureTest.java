package org.sahaya.server.admin.privacy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.subscriber.Device;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.Staff;
import org.sahaya.server.TestNode;
import org.sahaya.server.admin.people.AdminClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.server.PartnerClient.coordinator;
import static org.sahaya.server.admin.privacy.PrivacyFixtures.becomeSomeoneElse;
import static org.sahaya.server.admin.privacy.PrivacyFixtures.consent;
import static org.sahaya.server.admin.privacy.PrivacyFixtures.dispatchedFall;
import static org.sahaya.server.admin.privacy.PrivacyFixtures.findEverywhere;
import static org.sahaya.server.admin.privacy.PrivacyFixtures.subscriberOf;

/**
 * The done-when of issue 15's erasure: a person with a distinctive name, numbers, address and medical
 * profile has an incident told to their family and closed; after the erasure none of it is found in
 * any column of any table or in any grid map. Also the export (every section, no secret) and the 409
 * of an open incident (nothing changed).
 */
class ErasureTest {

    private static final String NAME = "Quillonia Vexbrightsworth";
    private static final String ADDRESS = "42 Imaginary Marg, Nowhere Nagar";
    private static final JsonObject MEDICAL = new JsonObject().put("conditions", new JsonArray().add("Zentrophic palsy"))
            .put("allergies", new JsonArray().add("Fictomycin")).put("medications", new JsonArray().add("Quorbitol 5 mg"))
            .put("bloodGroup", "AB-").put("mobility", "walks with a Brindlewood frame");
    private static final List<String> MEDICAL_TERMS = List.of("Zentrophic", "Fictomycin", "Quorbitol", "Brindlewood");

    @TempDir
    static Path data;
    static Node node;
    static DeviceClient devices;
    static PartnerClient http;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(data, true);
        devices = new DeviceClient(node);
        http = new PartnerClient(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void afterTheErasureThePersonIsFoundNowhere() {
        String subscriber = subscriberOf(node, "demo-0301");
        List<String> phones = becomeSomeoneElse(node, subscriber, NAME, ADDRESS, MEDICAL, "+614915739");
        consent(node, subscriber, "SHARE_MEDICAL_PROFILE", true);
        // The partners' systems hear of the person too: the crew's job and the hospital's pre-arrival notice
        // (delivered nowhere here: port 9 refuses, so they wait in the outbox).
        node.database().withConnection(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("UPDATE partners SET webhook_url = 'http://127.0.0.1:9/hook'")) {
                return ps.executeUpdate();
            }
        });
        JsonObject incident = dispatchedFall(devices, "demo-0301", "erase-1");
        String id = incident.getString("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> findEverywhere(node, List.of(phones.getFirst())).stream()
                .anyMatch(hit -> hit.startsWith("SANDBOX_MESSAGES")));
        await().atMost(Duration.ofSeconds(20)).until(() -> findEverywhere(node, List.of(NAME)).stream()
                .filter(hit -> hit.startsWith("PARTNER_DELIVERIES")).count() >= 2);
        HttpResponse<String> closed = http.post("/api/v1/incidents/" + id + "/close", coordinator(node),
                new JsonObject().put("reason", "seen at home, " + NAME + " is fine"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        // What the close tells the partners (the crew's job done, the hospital's notice cancelled) is written
        // after the answer: wait for it, as an erasure days later would find it.
        await().atMost(Duration.ofSeconds(20)).until(() -> node.database().withConnection(c -> Rows.strings(c,
                "SELECT kind FROM partner_deliveries WHERE incident_id = ?", id)),
                kinds -> kinds.contains("JOB_DONE") && kinds.contains("PRE_ARRIVAL_CANCELLED"));
        // So is the family's message that it is closed (issue 18's follow-through).
        await().atMost(Duration.ofSeconds(20)).until(() -> node.database().withConnection(c -> Rows.strings(c,
                "SELECT step FROM notifications WHERE incident_id = ? AND status = 'SENT'", id)),
                steps -> steps.contains("CLOSED"));
        List<String> terms = new ArrayList<>(List.of(NAME, ADDRESS, "vitals-of-erase-1"));
        terms.addAll(phones);
        assertThat(findEverywhere(node, terms)).as("the person is there before").isNotEmpty();

        JsonObject export = export(subscriber);
        assertThat(export.getJsonObject("subscriber").getJsonObject("medicalProfile").encode()).contains("Zentrophic");

        HttpResponse<String> erased = http.post("/api/v1/subscribers/" + subscriber + "/erasure", admin(), null);

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        JsonObject report = new JsonObject(erased.body());
        assertThat(report.getString("pseudonym")).startsWith("erased-");
        assertThat(report.getJsonObject("erased").getInteger("incidents")).isGreaterThanOrEqualTo(1);
        terms.addAll(MEDICAL_TERMS);
        terms.add("push-" + phones.getFirst().substring(1));
        assertThat(findEverywhere(node, terms)).isEmpty();
        List<String> profiles = node.database().withConnection(c -> Rows.strings(c, "SELECT medical_profile"
                + " FROM subscribers WHERE id = ?", subscriber));
        assertThat(profiles).containsOnlyNulls();
        // Anonymous facts stay: the incident, its times, unit and hospital.
        JsonObject after = devices.incident(id);
        assertThat(after.getString("state")).isEqualTo("CLOSED");
        assertThat(after.getJsonObject("unit").getString("id")).isEqualTo(incident.getJsonObject("unit").getString("id"));
        // The export answers the pseudonymised shell; the erasure is audited with counts.
        JsonObject shell = export(subscriber);
        assertThat(shell.getJsonObject("subscriber").getString("name")).isEqualTo(report.getString("pseudonym"));
        assertThat(shell.getJsonObject("subscriber").getString("erasedAt")).isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> auditRecords("subscriber.erasure").stream()
                .anyMatch(r -> r.startsWith("subscribers/" + subscriber + " erased ")));
        assertThat(devices.send("demo-0301", DeviceClient.alert("erase-2", "demo-0301", "FALL").encode()).statusCode())
                .as("a revoked device is refused").isEqualTo(401);
    }

    @Test
    void theExportHasEverySectionAndNoSecret() {
        String subscriber = subscriberOf(node, "demo-0302");
        becomeSomeoneElse(node, subscriber, "Ermintrude Export", "7 Export Lane", MEDICAL, "+614915738");
        consent(node, subscriber, "FAMILY_NOTIFICATION", true);
        dispatchedFall(devices, "demo-0302", "export-1");

        HttpResponse<String> r = http.send("GET", "/api/v1/subscribers/" + subscriber + "/export", admin(), null);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        JsonObject export = new JsonObject(r.body());
        assertThat(export.fieldNames()).contains("subscriber", "consents", "consentHistory", "contacts", "devices",
                "dc09Accounts", "incidents", "sandboxMessages", "audit");
        assertThat(export.getJsonObject("subscriber").getString("address")).isEqualTo("7 Export Lane");
        assertThat(export.getJsonArray("consentHistory")).isNotEmpty();
        JsonObject contact = export.getJsonArray("contacts").getJsonObject(0);
        assertThat(contact.getJsonArray("pushTokens")).isNotEmpty();
        JsonObject incident = export.getJsonArray("incidents").getJsonObject(0);
        assertThat(incident.getJsonArray("alerts").getJsonObject(0).getJsonObject("vitals").getString("note"))
                .isEqualTo("vitals-of-export-1");
        assertThat(incident.getJsonArray("timeline")).isNotEmpty();
        assertThat(incident.getJsonArray("notifications")).isNotEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> !export(subscriber).getJsonArray("audit").isEmpty());
        String body = r.body().toLowerCase(java.util.Locale.ROOT);
        assertThat(body).doesNotContain("secret", "encryptionkey", "\"v1:");
        for (Object device : export.getJsonArray("devices")) {
            String deviceId = ((JsonObject) device).getString("id");
            assertThat(r.body()).doesNotContain(Device.demoSecret(deviceId));
        }
        assertThat(http.send("GET", "/api/v1/subscribers/NOPE/export", admin(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void anOpenIncidentBlocksTheErasureAndNothingChanges() {
        String subscriber = subscriberOf(node, "demo-0303");
        becomeSomeoneElse(node, subscriber, "Oswin Stillopen", "9 Open Road", MEDICAL, "+614915737");
        dispatchedFall(devices, "demo-0303", "open-1");
        JsonObject before = withoutVolatile(export(subscriber));

        HttpResponse<String> r = http.post("/api/v1/subscribers/" + subscriber + "/erasure", admin(), null);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(new JsonObject(r.body()).getString("field")).isEqualTo("id");
        assertThat(withoutVolatile(export(subscriber))).isEqualTo(before);
        assertThat(http.post("/api/v1/subscribers/NOPE/erasure", admin(), null).statusCode()).isEqualTo(404);
    }

    /**
     * The erasure revokes the person's devices as the people API's revocation does: an MQTT session open at
     * that moment is dropped, no new one is let in, and the pseudonymised shell cannot be written back (a PUT
     * answers 409 {@code subscriber-erased} and changes nothing).
     */
    @Test
    void theErasureDropsTheOpenMqttSessionOfTheirDeviceAndTheShellCannotBeWrittenAgain() throws Exception {
        String subscriber = subscriberOf(node, "demo-0304");
        becomeSomeoneElse(node, subscriber, "Perpetua Sessionkeep", "3 Socket Street", MEDICAL, "+614915736");
        String secret = DeviceClient.demoSecret("demo-0304");
        MqttAsyncClient open = AdminClient.mqtt(node, "demo-0304", secret);
        try {
            HttpResponse<String> erased = http.post("/api/v1/subscribers/" + subscriber + "/erasure", admin(), null);

            assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> !open.isConnected());
            assertThat(AdminClient.mqttLogin(node, "demo-0304", secret)).isFalse();
        } finally {
            AdminClient.close(open);
        }
        String pseudonym = export(subscriber).getJsonObject("subscriber").getString("name");
        JsonObject back = new JsonObject().put("name", "Perpetua Sessionkeep").put("language", "en-IN")
                .put("home", new JsonObject().put("lat", 12.97).put("lon", 77.59).put("address", "3 Socket Street"));

        HttpResponse<String> put = http.put("/api/v1/subscribers/" + subscriber, admin(), back);

        assertThat(put.statusCode()).as(put.body()).isEqualTo(409);
        JsonObject problem = new JsonObject(put.body());
        assertThat(problem.getString("type")).isEqualTo("urn:sahaya:problem:subscriber-erased");
        assertThat(problem.getString("field")).isEqualTo("id");
        assertThat(export(subscriber).getJsonObject("subscriber").getString("name")).isEqualTo(pseudonym);
        // Nor may a contact or a device bring personal data back under the erased id.
        HttpResponse<String> contact = http.post("/api/v1/subscribers/" + subscriber + "/contacts", admin(),
                new JsonObject().put("name", "Perpetua Sessionkeep").put("relation", "daughter")
                        .put("phone", "+447911123456").put("language", "en").put("timeZone", "Europe/London").put("rank", 1));
        assertThat(contact.statusCode()).as(contact.body()).isEqualTo(409);
        assertThat(new JsonObject(contact.body()).getString("type")).isEqualTo("urn:sahaya:problem:subscriber-erased");
        HttpResponse<String> device = http.post("/api/v1/subscribers/" + subscriber + "/devices", admin(), new JsonObject());
        assertThat(device.statusCode()).as(device.body()).isEqualTo(409);
        assertThat(findEverywhere(node, List.of("Perpetua Sessionkeep", "3 Socket Street", "+447911123456"))).isEmpty();
    }

    private static JsonObject withoutVolatile(JsonObject export) {
        JsonObject copy = export.copy();
        copy.remove("exportedAt");
        copy.remove("audit");
        return copy;
    }

    private static JsonObject export(String subscriber) {
        HttpResponse<String> r = http.send("GET", "/api/v1/subscribers/" + subscriber + "/export", admin(), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private static List<String> auditRecords(String action) {
        return node.database().withConnection(c -> Rows.strings(c, "SELECT record FROM audit_log WHERE action = ?", action));
    }

    private static String admin() {
        return "Bearer " + Staff.login(node, "demo-admin");
    }
}
