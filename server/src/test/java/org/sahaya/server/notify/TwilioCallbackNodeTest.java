package org.sahaya.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.DeviceSignature;
import org.sahaya.notify.ack.AckLinks;
import org.sahaya.notify.fake.FakeFcm;
import org.sahaya.notify.fake.FakeTwilio;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/**
 * Both halves of family notification on one production-configured node: messages go out through the
 * real Twilio and Firebase SDKs to the local fakes, and the fake Twilio's signed status callbacks come
 * back to the node's real {@code /webhooks/twilio/status} (through the node's local address, as a
 * reverse proxy at the public address would deliver them). A delivered SMS moves to DELIVERED; an
 * undelivered one fails with Twilio's code and fails over to the contact's next channel once; when
 * that fails too, the next escalation call is due at once.
 */
class TwilioCallbackNodeTest {

    static final String PUBLIC = "https://sahaya.example.org";
    static final String LINK_SECRET = "itest-link-secret";
    static final String DEVICE = "itest-cb-0001";
    static final String SECRET = "itest-cb-secret-0001";
    static final Contact SON = new Contact("CON-CB-1", "SUB-CB-1", "Vikram", "son", "+447700900457", "en-GB",
            "Europe/London", 1, "fcm-token-vikram-cb");
    static final Contact DAUGHTER = new Contact("CON-CB-2", "SUB-CB-1", "Lakshmi", "daughter", "+971501234998", "ar",
            "Asia/Dubai", 2, null);

    @TempDir
    static Path data;
    static FakeTwilio twilio;
    static FakeFcm fcm;
    static Node node;
    static DeviceClient client;

    @BeforeAll
    static void start() throws Exception {
        twilio = FakeTwilio.start();
        fcm = FakeFcm.start();
        Map<String, String> settings = ProviderFamily.settings(twilio, fcm, data, PUBLIC);
        settings.put("SAHAYA_ACK_LINK_SECRET", LINK_SECRET);
        settings.put("SAHAYA_ESCALATION_TICK_MS", "50");
        SahayaConfig config = TestNode.config(data, false, settings);
        ProviderFamily.seed(config, "SUB-CB-1", new Device(DEVICE, "SUB-CB-1", SECRET, false), SON, DAUGHTER);
        node = Node.start(config, Clock.systemUTC());
        client = new DeviceClient(node);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        twilio.close();
        fcm.close();
    }

    static List<JsonObject> notifications(String incidentId) {
        return client.incident(incidentId).getJsonArray("notifications").stream().map(o -> (JsonObject) o).toList();
    }

    static JsonObject notification(String incidentId, String channel, String contactId) {
        return notifications(incidentId).stream()
                .filter(n -> n.getString("channel").equals(channel) && n.getString("contactId").equals(contactId))
                .findFirst().orElseThrow(() -> new AssertionError("no " + channel + " notification to " + contactId));
    }

    static FakeTwilio.Request smsTo(String phone) {
        return twilio.requests().stream().filter(r -> r.kind().equals("message") && r.to().equals(phone))
                .findFirst().orElseThrow();
    }

    @Test
    void twilioStatusCallbacksMoveTheNotificationAndAnUndeliveredSmsFailsOverAndBringsTheCallForward() throws Exception {
        String body = DeviceClient.alert("cb-fall-1", DEVICE, "FALL").encode();
        String ts = Long.toString(Instant.now().toEpochMilli());
        HttpResponse<String> alert = client.send(DEVICE, ts, DeviceSignature.sign(SECRET, ts, DeviceClient.bytes(body)), body);
        assertThat(alert.statusCode()).isEqualTo(202);
        String incident = new JsonObject(alert.body()).getString("incidentId");
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(incident).stream()
                .filter(n -> n.getString("status").equals("SENT")).count() == 3);

        // The push carries a signed acknowledgement token for the app to post back.
        JsonObject push = notification(incident, "PUSH", SON.id());
        assertThat(fcm.requests()).singleElement().satisfies(r -> {
            JsonObject pushData = r.message().getJsonObject("data");
            assertThat(new AckLinks(LINK_SECRET, PUBLIC, Duration.ofDays(1)).check(pushData.getString("ackToken"),
                    Instant.now())).isEqualTo(new AckLinks.Check.Valid(push.getString("id")));
        });

        URI local = URI.create("http://127.0.0.1:" + node.httpPort());
        FakeTwilio.Request toSon = smsTo(SON.phone());
        FakeTwilio.Request toDaughter = smsTo(DAUGHTER.phone());
        assertThat(toSon.statusCallback()).isEqualTo(PUBLIC + "/webhooks/twilio/status");
        assertThat(twilio.sendStatusCallback(toSon.sid(), "delivered", null, local)).isEqualTo(204);
        assertThat(twilio.sendStatusCallback(toDaughter.sid(), "undelivered", 30003, local)).isEqualTo(204);

        JsonObject delivered = notification(incident, "SMS", SON.id());
        assertThat(delivered.getString("status")).isEqualTo("DELIVERED");
        assertThat(delivered.getJsonArray("statusHistory").stream().map(o -> ((JsonObject) o).getString("status")))
                .containsExactly("PENDING", "SENT", "DELIVERED");
        JsonObject failed = notification(incident, "SMS", DAUGHTER.id());
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("failureReason")).isEqualTo("TWILIO_30003");
        assertThat(failed.getJsonArray("statusHistory").stream().map(o -> ((JsonObject) o).getString("source")))
                .contains("twilio-status");

        // The daughter has no app, so her failed SMS fails over to a call to her, for the same step, once.
        await().atMost(Duration.ofSeconds(20)).until(() -> callsTo(DAUGHTER.phone()) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications(incident).stream()
                .anyMatch(n -> isVoiceTo(n, DAUGHTER) && n.getString("status").equals("SENT")));
        JsonObject failover = notifications(incident).stream().filter(n -> isVoiceTo(n, DAUGHTER)).findFirst().orElseThrow();
        assertThat(failover.getString("step")).isEqualTo(failed.getString("step"));
        assertThat(timeline(incident, "NOTIFICATION_FAILOVER")).singleElement().asString()
                .contains(failed.getString("id"), "SMS", "VOICE", failover.getString("id"));
        // Twilio repeats callbacks; a second report of the same failure changes nothing.
        assertThat(twilio.sendStatusCallback(toDaughter.sid(), "undelivered", 30003, local)).isEqualTo(204);
        FakeTwilio.Request daughtersCall = twilio.requests().stream()
                .filter(r -> r.kind().equals("call") && r.to().equals(DAUGHTER.phone())).findFirst().orElseThrow();
        assertThat(daughtersCall.twiml()).contains("<Gather", "numDigits=\"1\"",
                "action=\"" + PUBLIC + "/webhooks/twilio/voice/gather?n=" + failover.getString("id") + "\"");

        // She does not answer either: no channel left for her, so the escalation call to the first
        // contact (due 90 s after the first messages) is due now.
        assertThat(twilio.sendStatusCallback(daughtersCall.sid(), "no-answer", null, local)).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> callsTo(SON.phone()) == 1);
        FakeTwilio.Request call = twilio.requests().stream()
                .filter(r -> r.kind().equals("call") && r.to().equals(SON.phone())).findFirst().orElseThrow();
        assertThat(call.statusCallback()).isEqualTo(PUBLIC + "/webhooks/twilio/status");
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications(incident).stream()
                .anyMatch(n -> isVoiceTo(n, SON) && n.getString("status").equals("SENT")));
        String callId = notifications(incident).stream().filter(n -> isVoiceTo(n, SON))
                .findFirst().orElseThrow().getString("id");
        assertThat(call.twiml()).contains("<Gather", "numDigits=\"1\"",
                "action=\"" + PUBLIC + "/webhooks/twilio/voice/gather?n=" + callId + "\"");
        assertThat(callsTo(DAUGHTER.phone())).isEqualTo(1);
        assertThat(timeline(incident, "NOTIFICATION_FAILOVER")).hasSize(2)
                .anyMatch(m -> m.contains("no channel left") && m.contains(failover.getString("id")));
    }

    static long callsTo(String phone) {
        return twilio.requests().stream().filter(r -> r.kind().equals("call") && r.to().equals(phone)).count();
    }

    static boolean isVoiceTo(JsonObject notification, Contact contact) {
        return notification.getString("channel").equals("VOICE") && notification.getString("contactId").equals(contact.id());
    }

    static List<String> timeline(String incidentId, String stage) {
        return client.incident(incidentId).getJsonArray("timeline").stream().map(o -> (JsonObject) o)
                .filter(e -> stage.equals(e.getString("stage"))).map(e -> e.getString("message")).toList();
    }
}
