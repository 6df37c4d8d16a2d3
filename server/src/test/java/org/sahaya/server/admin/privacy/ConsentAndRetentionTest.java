package org.sahaya.server.admin.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.server.PartnerClient.fleetKey;
import static org.sahaya.server.PartnerClient.hospitalKey;
import static org.sahaya.server.admin.privacy.PrivacyFixtures.becomeSomeoneElse;
import static org.sahaya.server.admin.privacy.PrivacyFixtures.consent;
import static org.sahaya.server.admin.privacy.PrivacyFixtures.dispatchedFall;
import static org.sahaya.server.admin.privacy.PrivacyFixtures.sql;
import static org.sahaya.server.admin.privacy.PrivacyFixtures.subscriberOf;

import com.hazelcast.map.IMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.TestNode;
import org.sahaya.server.audit.AuditEvent;

/**
 * Consent takes effect on the next incident (no family messages without family notification, the
 * medical profile in the crew's and the hospital's view only with consent to share it), and the
 * retention purge removes exactly the personal data of the old finished incidents and audits it.
 */
class ConsentAndRetentionTest {

    private static final JsonObject MEDICAL = new JsonObject().put("conditions", new JsonArray().add("Glimmerosis"))
            .put("bloodGroup", "O+");

    @TempDir
    static Path data;
    static Node node;
    static DeviceClient devices;
    static PartnerClient http;

    @BeforeAll
    static void start() throws Exception {
        // The node's own job runs at start (and hourly) and finds nothing this old; the test drives one with a fixed clock.
        node = Node.start(TestNode.config(data, true, Map.of("SAHAYA_RETENTION_DAYS", "36500")), Clock.systemUTC());
        devices = new DeviceClient(node);
        http = new PartnerClient(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void withoutConsentToFamilyNotificationTheFamilyIsNotToldAndTheTimelineSaysSo() {
        String subscriber = subscriberOf(node, "demo-0401");
        consent(node, subscriber, "FAMILY_NOTIFICATION", false);

        String id = dispatchedFall(devices, "demo-0401", "consent-1").getString("id");

        JsonObject incident = await().atMost(Duration.ofSeconds(10)).until(() -> devices.incident(id),
                i -> i.getJsonArray("timeline").encode().contains("consent withdrawn"));
        assertThat(incident.getJsonArray("timeline").encode()).contains("Family not told of DISPATCHED: consent withdrawn");
        List<String> messages = node.database().withConnection(c -> Rows.strings(c,
                "SELECT id FROM notifications WHERE incident_id = ?", id));
        assertThat(messages).isEmpty();
    }

    @Test
    void theMedicalProfileIsInTheCrewsAndTheHospitalsViewOnlyWithConsent() {
        String subscriber = subscriberOf(node, "demo-0402");
        becomeSomeoneElse(node, subscriber, "Philippa Profile", "3 Profile Road", MEDICAL, "+614915736");
        JsonObject incident = dispatchedFall(devices, "demo-0402", "medical-1");
        String path = "/api/v1/incidents/" + incident.getString("id");
        String crew = fleetKey(incident.getJsonObject("unit").getString("id"));
        String hospital = hospitalKey(incident.getJsonObject("hospital").getString("id"));

        assertThat(read(path, crew).getValue("medicalProfile")).as("not granted by default").isNull();
        assertThat(read(path, hospital).getValue("medicalProfile")).isNull();

        consent(node, subscriber, "SHARE_MEDICAL_PROFILE", true);
        assertThat(read(path, crew).getJsonObject("medicalProfile").encode()).contains("Glimmerosis");
        assertThat(read(path, hospital).getJsonObject("medicalProfile").getString("bloodGroup")).isEqualTo("O+");

        consent(node, subscriber, "SHARE_MEDICAL_PROFILE", false);
        assertThat(read(path, crew).getValue("medicalProfile")).isNull();
        assertThat(read(path, hospital).getValue("medicalProfile")).isNull();
        assertThat(devices.incident(incident.getString("id")).encode()).doesNotContain("Glimmerosis");
    }

    @Test
    void theRetentionPurgePurgesExactlyTheOldFinishedIncidentsAndAuditsIt() {
        String subscriber = subscriberOf(node, "demo-0403");
        String contact = node.database().withConnection(c -> Rows.strings(c,
                "SELECT id FROM contacts WHERE subscriber_id = ? ORDER BY id", subscriber)).getFirst();
        Instant now = Instant.parse("2020-06-01T00:00:00Z");
        incident("RET-OLD-CLOSED", "CLOSED", Instant.parse("2020-04-01T10:00:00Z"), subscriber, contact);
        incident("RET-OLD-CANCELLED", "CANCELLED", Instant.parse("2020-04-02T10:00:00Z"), subscriber, contact);
        incident("RET-OLD-OPEN", "DISPATCHED", Instant.parse("2020-04-01T10:00:00Z"), subscriber, contact);
        incident("RET-RECENT", "CLOSED", Instant.parse("2020-05-25T10:00:00Z"), subscriber, contact);
        List<AuditEvent> audited = new CopyOnWriteArrayList<>();
        RetentionJob job = new RetentionJob(new Retention(node.database(), Duration.ofDays(30)),
                node.grid().hazelcast(), audited::add, Clock.fixed(now, ZoneOffset.UTC));

        Retention.Purged purged = job.runOnce().orElseThrow();

        assertThat(purged.before()).isEqualTo(Instant.parse("2020-05-02T00:00:00Z"));
        assertThat(purged.counts()).containsEntry("incidents", 2).containsEntry("alerts", 2)
                .containsEntry("notifications", 2).containsEntry("sandboxMessages", 2).containsEntry("timelineLines", 2);
        for (String gone : List.of("RET-OLD-CLOSED", "RET-OLD-CANCELLED")) {
            assertThat(texts(gone)).containsExactly(IncidentPurge.GONE, IncidentPurge.GONE, "null", "0");
        }
        for (String kept : List.of("RET-OLD-OPEN", "RET-RECENT")) {
            assertThat(texts(kept)).containsExactly("body of " + kept, "line of " + kept, "{\"pulse\":99}", "1");
        }
        assertThat(audited).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.action()).isEqualTo("retention.purge");
            assertThat(e.record()).contains("2020-05-02T00:00:00Z").contains("incidents=2");
        });
        assertThat(job.runOnce().orElseThrow().incidents()).as("each incident is purged once").isZero();
        assertThat(audited).hasSize(1);

        IMap<String, String> locks = node.grid().hazelcast().getMap(RetentionJob.LOCK_MAP);
        locks.lock("retention");
        try {
            assertThat(CompletableFuture.supplyAsync(job::runOnce).join()).as("another member runs it").isEmpty();
        } finally {
            locks.unlock("retention");
        }
    }

    private static JsonObject read(String path, String key) {
        var r = http.send("GET", path, key, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    /** A finished (or not) incident at {@code at}, with an alert, a timeline line, a message and its sandbox copy. */
    private static void incident(String id, String state, Instant at, String subscriber, String contact) {
        var t = at.atOffset(ZoneOffset.UTC);
        sql(node, "INSERT INTO incidents (id, subscriber_id, alert_type, priority, triage_action, state, lat, lon,"
                + " opened_at, updated_at) VALUES (?, ?, 'FALL', 'P2', 'DISPATCH_NOW', ?, 12.97123, 77.59456, ?, ?)",
                id, subscriber, state, t, t);
        sql(node, "INSERT INTO alerts (device_id, alert_id, alert_type, occurred_at, received_at, lat, lon, accuracy_m,"
                + " vitals, incident_id, outcome) VALUES ('demo-0403', ?, 'FALL', ?, ?, 12.97123, 77.59456, 5,"
                + " '{\"pulse\":99}', ?, 'OPENED')", id, t, t, id);
        sql(node, "INSERT INTO timeline (incident_id, stamped_at, stage, message) VALUES (?, ?, 'CLOSED', ?)",
                id, t, "line of " + id);
        sql(node, "INSERT INTO notifications (id, incident_id, contact_id, channel, step, language, body, status,"
                + " created_at) VALUES (?, ?, ?, 'SMS', 'DISPATCHED', 'en', ?, 'SENT', ?)", "NTF-" + id, id, contact,
                "body of " + id, t);
        sql(node, "INSERT INTO sandbox_messages (notification_id, recipient, language, body, sent_at)"
                + " VALUES (?, '+61491573599', 'en', ?, ?)", "NTF-" + id, "body of " + id, t);
    }

    /** The message body, the timeline line, the vitals and the sandbox copies of a synthetic incident. */
    private static List<String> texts(String id) {
        return node.database().withConnection(c -> List.of(
                Rows.strings(c, "SELECT body FROM notifications WHERE incident_id = ?", id).getFirst(),
                Rows.strings(c, "SELECT message FROM timeline WHERE incident_id = ?", id).getFirst(),
                String.valueOf(Rows.strings(c, "SELECT vitals FROM alerts WHERE incident_id = ?", id).getFirst()),
                Rows.strings(c, "SELECT COUNT(*) FROM sandbox_messages WHERE notification_id = ?", "NTF-" + id).getFirst()));
    }
}
