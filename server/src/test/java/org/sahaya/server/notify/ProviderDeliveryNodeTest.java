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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.Coordinates;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.DeviceSignature;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.notify.fake.FakeFcm;
import org.sahaya.notify.fake.FakeTwilio;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;
import org.sahaya.server.demo.DemoCity;
import org.sahaya.server.demo.DemoSeeder;

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
        SahayaConfig config = TestNode.config(data, false, Map.of(
                "SAHAYA_TWILIO_ACCOUNT_SID", FakeTwilio.ACCOUNT_SID,
                "SAHAYA_TWILIO_AUTH_TOKEN", FakeTwilio.AUTH_TOKEN,
                "SAHAYA_TWILIO_FROM", FakeTwilio.FROM,
                "SAHAYA_TWILIO_BASE_URL", twilio.baseUrl().toString(),
                "SAHAYA_FCM_PROJECT_ID", FakeFcm.PROJECT,
                "SAHAYA_FCM_CREDENTIALS", fcm.writeServiceAccount(data).toString(),
                "SAHAYA_FCM_BASE_URL", fcm.baseUrl().toString(),
                "SAHAYA_PUBLIC_BASE_URL", "https://sahaya.example.org"));
        seed(config);
        node = Node.start(config, Clock.systemUTC());
        client = new DeviceClient(node.httpPort());
    }

    /** The demo city's ambulances and hospitals, and one real (non-demo) subscriber with her device and family. */
    static void seed(SahayaConfig config) {
        try (Database database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword())) {
            new DemoSeeder().seedIfEmpty(database, DemoCity.generate(DemoCity.DEFAULT_SEED));
            DirectoryRepository directory = new DirectoryRepository();
            database.inTransaction(c -> {
                directory.insert(c, new Subscriber("SUB-IT-1", "Kamala", new Coordinates(12.9716, 77.5946), "kn", null));
                directory.insert(c, new Device(DEVICE, "SUB-IT-1", SECRET, false));
                directory.insert(c, SON);
                directory.insert(c, DAUGHTER);
                return null;
            });
        }
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
