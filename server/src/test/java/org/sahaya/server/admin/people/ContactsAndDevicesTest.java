package org.sahaya.server.admin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.testing.MutableClock;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;
import org.sahaya.server.gateway.dc09.Dc09Transmitter;

/**
 * Contacts and devices through the people API on a node without the demo: a device's secret shown
 * once and stored sealed; a rotated secret working until its grace ends (the node's clock moved by
 * hand), then 401 on HTTP and refused on MQTT; a revoked device refused at once on HTTP, MQTT and
 * DC-09 (its account, made through the API, answers DUH over a real TCP connection), and its open MQTT
 * session dropped. Across members: {@code cluster.RevocationAcrossMembersTest}.
 */
class ContactsAndDevicesTest {

    static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static final String DC09_KEY = "REVOKE-TEST-KEY!";
    @TempDir
    static Path data;
    static Node node;
    static AdminClient admin;

    @BeforeAll
    static void start() throws Exception {
        node = Node.start(TestNode.config(data, false, Map.of("SAHAYA_DEVICE_SECRET_GRACE_SECONDS", "60")), CLOCK);
        admin = new AdminClient(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static JsonObject contact(String phone, int rank) {
        return new JsonObject().put("name", "Synthetic Son").put("relation", "son").put("phone", phone)
                .put("language", "en-IN").put("timeZone", "Asia/Kolkata").put("rank", rank);
    }

    static String newSubscriber(AdminClient admin, String id) {
        HttpResponse<String> r = admin.call("POST", "/api/v1/subscribers", PeopleApiTest.subscriber(id, "Synthetic " + id));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return id;
    }

    /** Registers a device and answers {id, secret}. */
    static JsonObject newDevice(AdminClient admin, String subscriberId, String deviceId) {
        HttpResponse<String> r = admin.call("POST", "/api/v1/subscribers/" + subscriberId + "/devices",
                new JsonObject().put("id", deviceId));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        return new JsonObject(r.body());
    }

    @Test
    void contactsAreCreatedReplacedAndListedInCallOrderWithChannelsQuietHoursAndPushTokens() {
        newSubscriber(admin, "FAM-1");
        HttpResponse<String> created = admin.call("POST", "/api/v1/subscribers/FAM-1/contacts",
                contact("+91 98123 45678", 2).put("channels", new JsonArray().add("PUSH").add("SMS"))
                        .put("pushTokens", new JsonArray().add("token-phone-aaaaaaaaaa").add("token-tablet-bbbbbbbbb"))
                        .put("quietHours", new JsonObject().put("start", "22:00").put("end", "07:00")));
        HttpResponse<String> put = admin.call("PUT", "/api/v1/subscribers/FAM-1/contacts/FAM-1-D", contact("+919812345679", 1)
                .put("relation", "daughter"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject son = new JsonObject(created.body());
        assertThat(son.getString("phone")).isEqualTo("+919812345678");
        assertThat(son.getJsonArray("pushTokens")).containsExactly("token-phone-aaaaaaaaaa", "token-tablet-bbbbbbbbb");
        assertThat(son.getJsonArray("channels")).containsExactly("PUSH", "SMS");
        assertThat(son.getJsonObject("quietHours").getString("start")).isEqualTo("22:00");
        assertThat(PeopleApiTest.column(node, "SELECT push_token FROM contacts WHERE id = '" + son.getString("id") + "'"))
                .isEqualTo("token-phone-aaaaaaaaaa");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonArray listed = new JsonObject(admin.call("GET", "/api/v1/subscribers/FAM-1/contacts", null).body())
                .getJsonArray("items");
        assertThat(listed.stream().map(o -> ((JsonObject) o).getString("relation"))).containsExactly("daughter", "son");
        assertThat(admin.call("GET", "/api/v1/contacts/" + son.getString("id"), null).statusCode()).isEqualTo(200);
        assertThat(admin.call("GET", "/api/v1/contacts/NOPE", null).statusCode()).isEqualTo(404);
        assertThat(admin.call("POST", "/api/v1/subscribers/NOPE/contacts", contact("+919812345670", 1)).statusCode())
                .isEqualTo(404);
        HttpResponse<String> extra = admin.call("PUT", "/api/v1/subscribers/FAM-1/contacts/FAM-1-X", contact("+919812345677", 3)
                .put("pushTokens", new JsonArray().add("token-extra-cccccccccc")));
        assertThat(extra.statusCode()).isEqualTo(200);
        assertThat(admin.call("DELETE", "/api/v1/contacts/FAM-1-X", null).statusCode()).isEqualTo(204);
        assertThat(admin.call("GET", "/api/v1/contacts/FAM-1-X", null).statusCode()).isEqualTo(404);
        assertThat(admin.call("DELETE", "/api/v1/contacts/FAM-1-X", null).statusCode()).isEqualTo(404);
        newSubscriber(admin, "FAM-2");
        assertThat(admin.call("PUT", "/api/v1/subscribers/FAM-2/contacts/FAM-1-D", contact("+919812345679", 1))
                .statusCode()).isEqualTo(409);
    }

    @Test
    void aDeviceSecretIsShownOnceStoredSealedAndNeverReadBack() {
        newSubscriber(admin, "DEV-1");
        JsonObject device = newDevice(admin, "DEV-1", "hub-dev-1");
        String secret = device.getString("secret");

        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        assertThat(PeopleApiTest.column(node, "SELECT secret FROM devices WHERE id = 'hub-dev-1'"))
                .startsWith("v1:").doesNotContain(secret);
        HttpResponse<String> read = admin.call("GET", "/api/v1/devices/hub-dev-1", null);
        HttpResponse<String> list = admin.call("GET", "/api/v1/subscribers/DEV-1/devices", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(list.body()).contains("hub-dev-1").doesNotContain(secret);
        assertThat(admin.alert("hub-dev-1", secret, DeviceClient.alert("dev-1-a", "hub-dev-1", "TEST"), CLOCK)
                .statusCode()).isEqualTo(202);
        assertThat(AdminClient.mqttLogin(node, "hub-dev-1", secret)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> PeopleApiTest.column(node,
                "SELECT COUNT(*) FROM audit_log WHERE action = 'createDevice' AND record = 'devices/hub-dev-1'").equals("1"));
    }

    @Test
    void aRotatedSecretKeepsWorkingUntilTheGraceEndsThenOnlyTheNewOneWorksOnHttpAndMqtt() {
        newSubscriber(admin, "ROT-1");
        String old = newDevice(admin, "ROT-1", "hub-rot-1").getString("secret");

        HttpResponse<String> rotated = admin.call("POST", "/api/v1/devices/hub-rot-1/secret", null);

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.headers().firstValue("Cache-Control")).contains("no-store");
        String fresh = new JsonObject(rotated.body()).getString("secret");
        assertThat(fresh).isNotEqualTo(old);
        assertThat(send("hub-rot-1", old, "rot-1")).isEqualTo(202);
        assertThat(send("hub-rot-1", fresh, "rot-2")).isEqualTo(202);
        assertThat(AdminClient.mqttLogin(node, "hub-rot-1", old)).isTrue();

        CLOCK.advance(Duration.ofSeconds(61));

        assertThat(send("hub-rot-1", old, "rot-3")).isEqualTo(401);
        assertThat(AdminClient.mqttLogin(node, "hub-rot-1", old)).isFalse();
        assertThat(send("hub-rot-1", fresh, "rot-4")).isEqualTo(202);
        assertThat(AdminClient.mqttLogin(node, "hub-rot-1", fresh)).isTrue();
    }

    @Test
    void aRevokedDeviceIsRefusedAtOnceOnEveryGatewayAndItsOpenMqttSessionIsDropped() throws Exception {
        newSubscriber(admin, "REV-1");
        String secret = newDevice(admin, "REV-1", "hub-rev-1").getString("secret");
        HttpResponse<String> account = admin.call("POST", "/api/v1/dc09-accounts", new JsonObject().put("account", "7A01")
                .put("deviceId", "hub-rev-1").put("key", DC09_KEY));
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        assertThat(dc09("0001")).startsWith("\"*ACK\"0001L0#7A01[");
        MqttAsyncClient open = AdminClient.mqtt(node, "hub-rev-1", secret);
        try {
            HttpResponse<String> revoked = admin.call("POST", "/api/v1/devices/hub-rev-1/revocation", null);

            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> !open.isConnected());
            assertThat(send("hub-rev-1", secret, "rev-1")).isEqualTo(401);
            assertThat(AdminClient.mqttLogin(node, "hub-rev-1", secret)).isFalse();
            assertThat(dc09("0002")).as("its account is unknown from now on").contains("DUH");
            assertThat(new JsonObject(admin.call("GET", "/api/v1/devices/hub-rev-1", null).body()).getString("revokedAt"))
                    .isNotNull();
            assertThat(admin.call("POST", "/api/v1/devices/hub-rev-1/secret", null).statusCode()).isEqualTo(409);
        } finally {
            AdminClient.close(open);
        }
    }

    /** A medical alarm of account 7A01 over a real TCP connection, stamped with the node's time: the receiver's answer. */
    private static String dc09(String sequence) throws java.io.IOException {
        try (Dc09Transmitter panel = new Dc09Transmitter(node.dc09Port())) {
            return panel.send(Dc09Transmitter.encrypted("SIA-DCS", sequence, "7A01", "Nri1/MA01", CLOCK.instant(), DC09_KEY));
        }
    }

    private static int send(String deviceId, String secret, String alertId) {
        return admin.alert(deviceId, secret, DeviceClient.alert(alertId, deviceId, "TEST"), CLOCK).statusCode();
    }
}
