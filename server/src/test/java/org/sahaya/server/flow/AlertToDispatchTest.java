package org.sahaya.server.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/** The whole hot path through a real node over HTTP: alert in, ambulance and bed chosen, family told. */
class AlertToDispatchTest {

    @TempDir
    static Path data;
    static Node node;
    static DeviceClient client;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(data, true);
        client = new DeviceClient(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void fallIsDispatchedWithUnitBedAndFamilyMessagesInTheirLanguages() {
        HttpResponse<String> r = client.send("demo-0001", DeviceClient.alert("fall-1", "demo-0001", "FALL").encode());

        assertThat(r.statusCode()).isEqualTo(202);
        JsonObject answer = new JsonObject(r.body());
        assertThat(answer.getString("alertId")).isEqualTo("fall-1");
        assertThat(answer.getString("status")).isEqualTo("OPENED");
        String id = answer.getString("incidentId");

        JsonObject incident = awaitSettled(id);
        assertThat(incident.getString("state")).isEqualTo("DISPATCHED");
        assertThat(incident.getString("priority")).isEqualTo("P2");
        assertThat(incident.getJsonObject("unit").getString("status")).isEqualTo("DISPATCHED");
        assertThat(incident.getJsonObject("hospital").getString("name")).isNotBlank();
        assertThat(incident.getString("bedKind")).isEqualTo("ER");
        assertThat(incident.getInteger("etaSeconds")).isPositive();
        assertThat(stages(incident)).contains("ALERT_RECEIVED", "TRIAGED", "UNIT_CANDIDATES", "DISPATCHED",
                "BED_RESERVED", "NOTIFICATIONS_PLANNED");

        JsonArray notifications = incident.getJsonArray("notifications");
        assertThat(notifications).isNotEmpty();
        for (Object o : notifications) {
            JsonObject n = (JsonObject) o;
            assertThat(n.getString("status")).isEqualTo("SENT");
            // Planned as in production (an emergency: SMS, plus push for demo contacts with the app),
            // recorded by the sandbox standing in for each channel.
            assertThat(n.getString("channel")).isIn("SMS", "PUSH");
            assertThat(n.getString("text")).contains(incident.getJsonObject("unit").getString("callSign"));
            assertThat(n.getString("language")).isNotBlank();
            assertThat(n.getString("sentAt")).isNotBlank();
            assertThat(n.getString("contactName")).isNotBlank();
        }
        assertThat(notifications.stream().map(o -> (JsonObject) o).filter(n -> n.getString("channel").equals("SMS"))
                .map(n -> n.getString("contactId")).toList())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(notifications.stream()
                        .map(o -> ((JsonObject) o).getString("contactId")).distinct().toList());
        JsonArray sandbox = new JsonArray(client.get("/api/v1/sandbox/messages?limit=500").body());
        List<String> sentIds = sandbox.stream().map(o -> ((JsonObject) o).getString("notificationId")).toList();
        assertThat(sentIds).containsAll(notifications.stream().map(o -> ((JsonObject) o).getString("id")).toList());
    }

    @Test
    void resentAlertAnswersTheSameAndChangesNothing() {
        String body = DeviceClient.alert("sos-7", "demo-0002", "SOS").encode();
        HttpResponse<String> first = client.send("demo-0002", body);
        JsonObject settled = awaitSettled(new JsonObject(first.body()).getString("incidentId"));

        HttpResponse<String> again = client.send("demo-0002", body);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(new JsonObject(again.body())).isEqualTo(new JsonObject(first.body()));
        assertThat(again.headers().firstValue("X-Sahaya-Duplicate")).contains("true");
        JsonObject after = client.incident(settled.getString("id"));
        assertThat(after.getJsonArray("alerts")).hasSize(1);
        assertThat(after.getJsonArray("notifications")).hasSameSizeAs(settled.getJsonArray("notifications"));
        assertThat(after.getJsonArray("timeline")).hasSameSizeAs(settled.getJsonArray("timeline"));
    }

    @Test
    void secondAlertOfTheSameSubscriberJoinsTheOpenIncident() {
        String firstId = new JsonObject(client.send("demo-0003",
                DeviceClient.alert("a-1", "demo-0003", "FALL").encode()).body()).getString("incidentId");
        HttpResponse<String> second = client.send("demo-0003", DeviceClient.alert("a-2", "demo-0003", "SOS").encode());

        assertThat(new JsonObject(second.body()).getString("incidentId")).isEqualTo(firstId);
        assertThat(new JsonObject(second.body()).getString("status")).isEqualTo("JOINED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(client.incident(firstId).getJsonArray("alerts")).hasSize(2));
    }

    @Test
    void imOkDuringVerificationStandsTheIncidentDownAndSendsNoAmbulance() {
        String id = new JsonObject(client.send("demo-0008",
                DeviceClient.alert("still-8", "demo-0008", "INACTIVITY").encode()).body()).getString("incidentId");
        assertThat(client.incident(id).getString("state")).isEqualTo("VERIFYING");

        HttpResponse<String> ok = client.send("demo-0008", DeviceClient.alert("ok-8", "demo-0008", "CANCEL").encode());

        assertThat(new JsonObject(ok.body()).getString("incidentId")).isEqualTo(id);
        JsonObject incident = client.incident(id);
        assertThat(incident.getString("state")).isEqualTo("CANCELLED");
        assertThat(incident.getValue("unit")).isNull();
        assertThat(stages(incident)).contains("STOOD_DOWN");
        // The family hears only that it was stood down: never that an ambulance was sent.
        JsonObject told = await().atMost(Duration.ofSeconds(20)).until(() -> client.incident(id),
                i -> !i.getJsonArray("notifications").isEmpty());
        assertThat(told.getJsonArray("notifications")).allSatisfy(n ->
                assertThat(((JsonObject) n).getString("step")).isEqualTo("STOOD_DOWN"));
    }

    @Test
    void sosDuringAnInactivityCheckIsDispatchedAtOnceWithAnAdvancedUnit() {
        String id = new JsonObject(client.send("demo-0009",
                DeviceClient.alert("still-9", "demo-0009", "INACTIVITY").encode()).body()).getString("incidentId");

        client.send("demo-0009", DeviceClient.alert("sos-9", "demo-0009", "SOS").encode());

        JsonObject incident = awaitSettled(id);
        assertThat(incident.getString("state")).isEqualTo("DISPATCHED");
        assertThat(incident.getString("priority")).isEqualTo("P1");
        assertThat(incident.getJsonObject("unit").getString("level")).isEqualTo("ALS");
        assertThat(stages(incident)).contains("ESCALATED");
    }

    @Test
    void testAlertIsRecordedOnly() {
        JsonObject answer = new JsonObject(client.send("demo-0004",
                DeviceClient.alert("t-1", "demo-0004", "TEST").encode()).body());

        assertThat(answer.getString("status")).isEqualTo("RECORDED");
        JsonObject incident = client.incident(answer.getString("incidentId"));
        assertThat(incident.getString("state")).isEqualTo("RECORDED");
        assertThat(incident.getValue("unit")).isNull();
        assertThat(incident.getJsonArray("notifications")).isEmpty();
    }

    @Test
    void incidentsCanBeListedByState() {
        String id = new JsonObject(client.send("demo-0005",
                DeviceClient.alert("m-1", "demo-0005", "MEDICAL").encode()).body()).getString("incidentId");
        awaitSettled(id);

        JsonArray dispatched = new JsonArray(client.get("/api/v1/incidents?state=DISPATCHED&limit=1000").body());

        assertThat(dispatched.stream().map(o -> ((JsonObject) o).getString("id"))).contains(id);
        assertThat(client.get("/api/v1/incidents?state=SLEEPING").statusCode()).isEqualTo(400);
    }

    @Test
    void metricsShowEveryStageOfTheHotPathAndHealthIsUp() {
        String id = new JsonObject(client.send("demo-0006",
                DeviceClient.alert("f-6", "demo-0006", "FALL").encode()).body()).getString("incidentId");
        awaitSettled(id);

        DeviceClient management = new DeviceClient(node.managementPort());
        String metrics = management.get("/metrics").body();
        for (String stage : List.of("ack", "triage", "dispatch_decided", "first_notification")) {
            assertThat(metrics).contains("sahaya_stage_seconds_count{stage=\"" + stage + "\"}");
        }
        assertThat(management.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(management.get("/health/ready").statusCode()).isEqualTo(200);
    }

    private static JsonObject awaitSettled(String id) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> client.incident(id), i ->
                List.of("DISPATCHED", "QUEUED").contains(i.getString("state"))
                        && !i.getJsonArray("notifications").isEmpty()
                        && i.getJsonArray("notifications").stream()
                        .noneMatch(n -> "PENDING".equals(((JsonObject) n).getString("status"))));
    }

    private static List<String> stages(JsonObject incident) {
        return incident.getJsonArray("timeline").stream().map(o -> ((JsonObject) o).getString("stage")).toList();
    }
}
