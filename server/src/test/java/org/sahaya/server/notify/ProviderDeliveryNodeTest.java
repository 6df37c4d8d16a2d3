package org.sahaya.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.DeviceSignature;
import org.sahaya.notify.fake.FakeFcm;
import org.sahaya.notify.fake.FakeTwilio;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/**
 * A production-configured node (not demo) with Twilio and FCM pointed at the local fakes: an alert
 * reaches the family as real Twilio SMS and FCM push requests, and the same alert sent again sends nothing more.
 */
class ProviderDeliveryNodeTest {

    static final String DEVICE = "itest-0001";
    static final String SECRET = "itest-secret-0001";
    static final Contact SON = new Contact("CON-IT-1", "SUB-IT-1", "Vikram", "son", "+447700900456", "en-GB",
            "Europe/London", 1, "fcm-token-vikram");
    static final Contact DAUGHTER = new Contact("CON-IT-2", "SUB-IT-1", "Lakshmi", "daughter", "+971501234999", "ar",
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
        SahayaConfig config = TestNode.config(data, false,
                ProviderFamily.settings(twilio, fcm, data, "https://sahaya.example.org"));
        ProviderFamily.seed(config, "SUB-IT-1", new Device(DEVICE, "SUB-IT-1", SECRET, false), SON, DAUGHTER);
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

    static HttpResponse<String> send(JsonObject alert) {
        String body = alert.encode();
        String ts = Long.toString(Instant.now().toEpochMilli());
        return client.send(DEVICE, ts, DeviceSignature.sign(SECRET, ts, DeviceClient.bytes(body)), body);
    }

    @Test
    void aFallReachesTheFamilyAsTwilioSmsAndAResentAlertSendsNothingMore() {
        JsonObject alert = DeviceClient.alert("it-fall-1", DEVICE, "FALL");

        HttpResponse<String> first = send(alert);

        assertThat(first.statusCode()).isEqualTo(202);
        String incidentId = new JsonObject(first.body()).getString("incidentId");
        await().atMost(Duration.ofSeconds(20)).until(() -> twilio.requestCount() >= 2);
        List<FakeTwilio.Request> sms = twilio.requests();
        assertThat(sms).extracting(FakeTwilio.Request::kind).containsOnly("message");
        assertThat(sms).extracting(FakeTwilio.Request::to).containsExactlyInAnyOrder(SON.phone(), DAUGHTER.phone());
        assertThat(sms).allSatisfy(r -> {
            assertThat(r.from()).isEqualTo(FakeTwilio.FROM);
            assertThat(r.body()).contains("Kamala");
            assertThat(r.statusCallback()).isEqualTo("https://sahaya.example.org/webhooks/twilio/status");
        });
        // An emergency: SMS to both, and push as well to the son, who has the app.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                client.incident(incidentId).getJsonArray("notifications").stream().map(o -> (JsonObject) o).toList())
                .hasSize(3)
                .allSatisfy(n -> assertThat(n.getString("status")).isEqualTo("SENT"))
                .extracting(n -> n.getString("channel") + " " + n.getString("contactId"))
                .containsExactlyInAnyOrder("SMS " + SON.id(), "SMS " + DAUGHTER.id(), "PUSH " + SON.id()));
        assertThat(fcm.requests()).singleElement().extracting(FakeFcm.Request::token).isEqualTo(SON.pushToken());

        HttpResponse<String> again = send(alert);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(new JsonObject(again.body()).getString("incidentId")).isEqualTo(incidentId);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> twilio.requestCount() == 2);
        assertThat(fcm.requestCount()).isEqualTo(1);
    }
}
