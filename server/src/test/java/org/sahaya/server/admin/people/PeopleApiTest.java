package org.sahaya.server.admin.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.testing.MutableClock;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/**
 * The people API on a node without the demo: subscribers created, read, replaced and listed with
 * keyset paging and filters; every invalid field named, with nothing changed; consents recorded with
 * their history; the audit naming the record touched.
 */
class PeopleApiTest {

    @TempDir
    static Path data;
    static Node node;
    static AdminClient admin;

    @BeforeAll
    static void start() throws Exception {
        node = Node.start(TestNode.config(data, false, Map.of()), new MutableClock(Instant.now()));
        admin = new AdminClient(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static JsonObject subscriber(String id, String name) {
        JsonObject json = new JsonObject().put("name", name)
                .put("home", new JsonObject().put("lat", 18.52).put("lon", 73.85).put("address", "12 Synthetic Lane")
                        .put("landmark", "near the test temple").put("accessNotes", "gate code 0000"))
                .put("language", "mr-IN").put("timeZone", "Asia/Kolkata")
                .put("consents", new JsonObject().put("EMERGENCY_DISPATCH",
                        new JsonObject().put("granted", true).put("method", "WRITTEN")));
        return id == null ? json : json.put("id", id);
    }

    @Test
    void aSubscriberIsCreatedReadReplacedWithItsSealedMedicalProfileAndAuditedUnderItsId() {
        JsonObject body = subscriber(null, "Synthetic Asha").put("clientId", "CORP-1").put("medicalProfile", new JsonObject()
                .put("conditions", new JsonArray().add("diabetes")).put("allergies", new JsonArray().add("penicillin"))
                .put("medications", new JsonArray().add(new JsonObject().put("name", "Metformin").put("dose", "500 mg")))
                .put("bloodGroup", "o+").put("mobilityNotes", "uses a walker"));

        HttpResponse<String> created = admin.call("POST", "/api/v1/subscribers", body);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject json = new JsonObject(created.body());
        String id = json.getString("id");
        assertThat(id).startsWith("S-");
        assertThat(json.getJsonObject("home").getString("landmark")).isEqualTo("near the test temple");
        assertThat(json.getJsonObject("medicalProfile").getString("bloodGroup")).isEqualTo("O+");
        assertThat(json.getJsonObject("consents").getJsonObject("EMERGENCY_DISPATCH").getString("recordedBy"))
                .isEqualTo("people-admin");
        assertThat(column("SELECT medical_profile FROM subscribers WHERE id = '" + id + "'"))
                .startsWith("v1:").doesNotContain("penicillin");
        // The gate writes the audit entry when the response ends: wait for it, under the new id.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> column(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'createSubscriber' AND record = 'subscribers/" + id + "'"
                        + " AND actor = 'people-admin'").equals("1"));

        HttpResponse<String> replaced = admin.call("PUT", "/api/v1/subscribers/" + id,
                subscriber(null, "Synthetic Asha Rao").put("language", "hi-IN"));
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        JsonObject read = new JsonObject(admin.call("GET", "/api/v1/subscribers/" + id, null).body());
        assertThat(read.getString("name")).isEqualTo("Synthetic Asha Rao");
        assertThat(read.getString("language")).isEqualTo("hi-IN");
        assertThat(read.getValue("medicalProfile")).isNull();

        assertThat(admin.call("GET", "/api/v1/subscribers/S-NOPE", null).statusCode()).isEqualTo(404);
        assertThat(admin.call("PUT", "/api/v1/subscribers/S-NOPE", subscriber(null, "X")).statusCode()).isEqualTo(404);
        assertThat(admin.call("POST", "/api/v1/subscribers", subscriber(id, "Again")).statusCode()).isEqualTo(409);
    }

    @Test
    void theListPagesByIdAndFiltersByNamePrefixClientAndLanguage() {
        for (int i = 0; i < 7; i++) {
            JsonObject body = subscriber(String.format("LIST-%02d", i), (i % 2 == 0 ? "Meera " : "Ravi ") + i)
                    .put("clientId", i < 3 ? "CORP-L" : null).put("language", i == 6 ? "ta-IN" : "mr-IN");
            assertThat(admin.call("POST", "/api/v1/subscribers", body).statusCode()).isEqualTo(201);
        }
        List<String> seen = new ArrayList<>();
        String after = "LIST-";
        do {
            JsonObject page = new JsonObject(admin.call("GET", "/api/v1/subscribers?limit=3&after=" + after, null).body());
            page.getJsonArray("items").forEach(o -> seen.add(((JsonObject) o).getString("id")));
            after = page.getString("next");
            assertThat(page.getJsonArray("items").size()).isLessThanOrEqualTo(3);
        } while (after != null && after.startsWith("LIST-"));
        assertThat(seen.stream().filter(s -> s.startsWith("LIST-"))).containsExactly("LIST-00", "LIST-01", "LIST-02",
                "LIST-03", "LIST-04", "LIST-05", "LIST-06");

        assertThat(ids("/api/v1/subscribers?name=meERa")).containsExactly("LIST-00", "LIST-02", "LIST-04", "LIST-06");
        assertThat(ids("/api/v1/subscribers?clientId=CORP-L")).containsExactly("LIST-00", "LIST-01", "LIST-02");
        assertThat(ids("/api/v1/subscribers?language=ta-in")).containsExactly("LIST-06");
        assertThat(admin.call("GET", "/api/v1/subscribers?limit=501", null).statusCode()).isEqualTo(400);
    }

    @Test
    void everyInvalidFieldIsNamedAndNothingChanges() {
        assertThat(admin.call("POST", "/api/v1/subscribers", subscriber("VALID-1", "Valid One")).statusCode()).isEqualTo(201);
        String before = counts();
        Map<String, JsonObject> cases = Map.of(
                "home.lat", subscriber("BAD-1", "Bad").put("home", new JsonObject().put("lat", 91).put("lon", 73.8)),
                "home.lon", subscriber("BAD-2", "Bad").put("home", new JsonObject().put("lat", 18).put("lon", -181)),
                "timeZone", subscriber("BAD-3", "Bad").put("timeZone", "Asia/Atlantis"),
                "language", subscriber("BAD-4", "Bad").put("language", "not a tag!"),
                "medicalProfile.bloodGroup", subscriber("BAD-5", "Bad").put("medicalProfile",
                        new JsonObject().put("bloodGroup", "C+")),
                "consents.EMERGENCY_DISPATCH", subscriber("BAD-6", "Bad").put("consents", new JsonObject()),
                "preferredHospitalId", subscriber("BAD-7", "Bad").put("preferredHospitalId", "H-NOPE"),
                "name", subscriber("BAD-8", "Bad").put("name", " "),
                "consents.FAMILY_NOTIFICATION.method", subscriber("BAD-9", "Bad").put("consents", new JsonObject()
                        .put("EMERGENCY_DISPATCH", new JsonObject().put("granted", true).put("method", "WRITTEN"))
                        .put("FAMILY_NOTIFICATION", new JsonObject().put("granted", true).put("method", "TELEPATHY"))));
        cases.forEach((field, body) -> {
            HttpResponse<String> r = admin.call("POST", "/api/v1/subscribers", body);
            assertThat(r.statusCode()).as(field + ": " + r.body()).isEqualTo(422);
            assertThat(new JsonObject(r.body()).getString("field")).as(r.body()).isEqualTo(field);
        });
        HttpResponse<String> badPut = admin.call("PUT", "/api/v1/subscribers/VALID-1",
                subscriber(null, "Changed").put("home", new JsonObject().put("lat", 18).put("lon", 200)));
        assertThat(new JsonObject(badPut.body()).getString("field")).isEqualTo("home.lon");
        HttpResponse<String> badPhone = admin.call("POST", "/api/v1/subscribers/VALID-1/contacts",
                ContactsAndDevicesTest.contact("+91 12", 1));
        assertThat(badPhone.statusCode()).isEqualTo(422);
        assertThat(new JsonObject(badPhone.body()).getString("field")).isEqualTo("phone");
        HttpResponse<String> badQuiet = admin.call("POST", "/api/v1/subscribers/VALID-1/contacts",
                ContactsAndDevicesTest.contact("+919812345678", 1).put("quietHours",
                        new JsonObject().put("start", "22:00").put("end", "22:00")));
        assertThat(new JsonObject(badQuiet.body()).getString("field")).isEqualTo("quietHours.end");

        assertThat(counts()).isEqualTo(before);
        assertThat(new JsonObject(admin.call("GET", "/api/v1/subscribers/VALID-1", null).body()).getString("name"))
                .isEqualTo("Valid One");
    }

    @Test
    void consentsAreRecordedWithWhoWhenAndHowKeptInHistoryAndDispatchCannotBeWithdrawn() {
        assertThat(admin.call("POST", "/api/v1/subscribers", subscriber("CONSENT-1", "Consenting")).statusCode())
                .isEqualTo(201);
        String path = "/api/v1/subscribers/CONSENT-1/consents/";

        HttpResponse<String> granted = admin.call("PUT", path + "SHARE_MEDICAL_PROFILE",
                new JsonObject().put("granted", true).put("method", "GUARDIAN"));
        HttpResponse<String> withdrawn = admin.call("PUT", path + "SHARE_MEDICAL_PROFILE",
                new JsonObject().put("granted", false).put("method", "VERBAL"));
        HttpResponse<String> dispatch = admin.call("PUT", path + "EMERGENCY_DISPATCH",
                new JsonObject().put("granted", false).put("method", "VERBAL"));
        HttpResponse<String> badMethod = admin.call("PUT", path + "FAMILY_NOTIFICATION",
                new JsonObject().put("granted", false).put("method", "SMOKE"));

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(dispatch.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(dispatch.body()).getString("type")).endsWith("consent-required");
        assertThat(new JsonObject(badMethod.body()).getString("field")).isEqualTo("method");
        JsonObject listed = new JsonObject(admin.call("GET", "/api/v1/subscribers/CONSENT-1/consents", null).body());
        JsonObject share = listed.getJsonObject("consents").getJsonObject("SHARE_MEDICAL_PROFILE");
        assertThat(share.getBoolean("granted")).isFalse();
        assertThat(share.getString("method")).isEqualTo("VERBAL");
        assertThat(share.getString("recordedBy")).isEqualTo("people-admin");
        assertThat(share.getString("recordedAt")).isNotBlank();
        assertThat(listed.getJsonObject("consents").getJsonObject("FAMILY_NOTIFICATION").getBoolean("granted")).isTrue();
        assertThat(listed.getJsonArray("history").stream().map(o -> ((JsonObject) o).getString("purpose")
                + "=" + ((JsonObject) o).getBoolean("granted")))
                .containsExactly("EMERGENCY_DISPATCH=true", "SHARE_MEDICAL_PROFILE=true", "SHARE_MEDICAL_PROFILE=false");
        boolean share2 = node.database().withConnection(c -> Consents.granted(c, "CONSENT-1",
                org.sahaya.core.subscriber.ConsentPurpose.SHARE_MEDICAL_PROFILE));
        assertThat(share2).isFalse();
        assertThat(admin.call("PUT", "/api/v1/subscribers/CONSENT-1", subscriber(null, "Consenting").put("consents",
                new JsonObject().put("EMERGENCY_DISPATCH", new JsonObject().put("granted", false).put("method", "VERBAL"))))
                .statusCode()).isEqualTo(409);
    }

    private static List<String> ids(String path) {
        HttpResponse<String> r = admin.call("GET", path, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id"))
                .filter(id -> id.startsWith("LIST-")).toList();
    }

    private static String counts() {
        StringBuilder out = new StringBuilder();
        for (String table : List.of("subscribers", "contacts", "contact_preferences", "contact_push_tokens", "devices",
                "consents", "consent_history")) {
            out.append(table).append('=').append(column("SELECT COUNT(*) FROM " + table)).append(' ');
        }
        return out.toString();
    }

    static String column(String sql) {
        return column(node, sql);
    }

    static String column(Node node, String sql) {
        return node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }
}
