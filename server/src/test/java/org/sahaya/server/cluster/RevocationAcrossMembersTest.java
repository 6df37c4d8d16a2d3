package org.sahaya.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.testing.MutableClock;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.admin.people.AdminClient;
import org.sahaya.server.gateway.dc09.Dc09Transmitter;

/**
 * Issue 15: "rotation and revocation take effect on every gateway", across members. A device revoked
 * through one member is refused by every member at once, on HTTP (401), MQTT and DC-09 (its account
 * answers DUH over TCP), and its MQTT session open on another member is dropped (the revocation travels
 * on the clustered event bus). A secret rotated through one member keeps working on the other until its
 * grace ends, then answers 401 there (the members share one clock, moved by hand).
 */
class RevocationAcrossMembersTest {

    private static final String KEY = "CLUSTER-KEY-0016";

    @TempDir
    Path data;

    @Test
    void aDeviceRevokedOnOneMemberIsRefusedOnEveryGatewayOfAnotherAndLosesItsMqttSessionThere() throws Exception {
        try (ThreeMembers members = new ThreeMembers(data, Map.of())) {
            Node first = members.start(0);
            Node second = members.start(1);
            members.awaitMembers(2);
            AdminClient admin = new AdminClient(first);
            String secret = newDevice(admin, "CL-REV-1", "hub-cl-rev-1");
            HttpResponse<String> account = admin.call("POST", "/api/v1/dc09-accounts", new JsonObject()
                    .put("account", "7C01").put("deviceId", "hub-cl-rev-1").put("key", KEY));
            assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
            try (Dc09Transmitter panel = new Dc09Transmitter(second.dc09Port())) {
                assertThat(panel.send(Dc09Transmitter.encrypted("SIA-DCS", "0001", "7C01", "Nri1/MA01", Instant.now(), KEY)))
                        .startsWith("\"*ACK\"0001L0#7C01[");
            }
            MqttAsyncClient open = AdminClient.mqtt(second, "hub-cl-rev-1", secret);
            try {
                HttpResponse<String> revoked = admin.call("POST", "/api/v1/devices/hub-cl-rev-1/revocation", null);

                assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(15)).until(() -> !open.isConnected());
                assertThat(AdminClient.mqttLogin(second, "hub-cl-rev-1", secret)).isFalse();
                assertThat(AdminClient.mqttLogin(first, "hub-cl-rev-1", secret)).isFalse();
                assertThat(send(new AdminClient(second), second, "hub-cl-rev-1", secret, "cl-rev-1")).isEqualTo(401);
                try (Dc09Transmitter panel = new Dc09Transmitter(second.dc09Port())) {
                    assertThat(panel.send(Dc09Transmitter.encrypted("SIA-DCS", "0002", "7C01", "Nri1/MA01", Instant.now(),
                            KEY))).contains("DUH");
                }
            } finally {
                AdminClient.close(open);
            }
        }
    }

    @Test
    void aSecretRotatedOnOneMemberWorksOnAnotherUntilItsGraceEndsThen401() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (ThreeMembers members = new ThreeMembers(data, Map.of("SAHAYA_DEVICE_SECRET_GRACE_SECONDS", "60"))) {
            members.clock(clock);
            Node first = members.start(0);
            Node second = members.start(1);
            members.awaitMembers(2);
            AdminClient admin = new AdminClient(first);
            AdminClient other = new AdminClient(second);
            String old = newDevice(admin, "CL-ROT-1", "hub-cl-rot-1");

            HttpResponse<String> rotated = admin.call("POST", "/api/v1/devices/hub-cl-rot-1/secret", null);

            assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
            String fresh = new JsonObject(rotated.body()).getString("secret");
            assertThat(send(other, second, "hub-cl-rot-1", old, "cl-rot-1")).isEqualTo(202);
            assertThat(send(other, second, "hub-cl-rot-1", fresh, "cl-rot-2")).isEqualTo(202);
            assertThat(AdminClient.mqttLogin(second, "hub-cl-rot-1", old)).isTrue();

            clock.advance(Duration.ofSeconds(61));

            assertThat(send(other, second, "hub-cl-rot-1", old, "cl-rot-3")).isEqualTo(401);
            assertThat(AdminClient.mqttLogin(second, "hub-cl-rot-1", old)).isFalse();
            assertThat(send(admin, first, "hub-cl-rot-1", old, "cl-rot-4")).isEqualTo(401);
            assertThat(send(other, second, "hub-cl-rot-1", fresh, "cl-rot-5")).isEqualTo(202);
            assertThat(AdminClient.mqttLogin(second, "hub-cl-rot-1", fresh)).isTrue();
        }
    }

    /** A subscriber and their device put in through {@code admin}'s member; answers the device's secret. */
    private static String newDevice(AdminClient admin, String subscriberId, String deviceId) {
        JsonObject subscriber = new JsonObject().put("id", subscriberId).put("name", "Synthetic Cluster")
                .put("home", new JsonObject().put("lat", 12.97).put("lon", 77.59)).put("language", "kn-IN")
                .put("consents", new JsonObject().put("EMERGENCY_DISPATCH",
                        new JsonObject().put("granted", true).put("method", "ELECTRONIC")));
        assertThat(admin.call("POST", "/api/v1/subscribers", subscriber).statusCode()).isEqualTo(201);
        HttpResponse<String> device = admin.call("POST", "/api/v1/subscribers/" + subscriberId + "/devices",
                new JsonObject().put("id", deviceId));
        assertThat(device.statusCode()).as(device.body()).isEqualTo(201);
        return new JsonObject(device.body()).getString("secret");
    }

    /** A test alert signed with {@code secret} at the members' time, sent to {@code node}'s HTTP port. */
    private static int send(AdminClient client, Node node, String deviceId, String secret, String alertId) {
        return client.alert(deviceId, secret, DeviceClient.alert(alertId, deviceId, "TEST"), node.clock()).statusCode();
    }
}
