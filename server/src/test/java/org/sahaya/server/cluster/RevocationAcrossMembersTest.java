package org.sahaya.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.Node;
import org.sahaya.server.admin.people.AdminClient;

/**
 * Issue 15: a device revoked through one member is refused by every member at once, and its MQTT
 * session open on another member is dropped (the revocation travels on the clustered event bus).
 */
class RevocationAcrossMembersTest {

    @TempDir
    Path data;

    @Test
    void aDeviceRevokedOnOneMemberLosesItsMqttSessionOnAnotherAndCannotLogInAnywhere() throws Exception {
        try (ThreeMembers members = new ThreeMembers(data, Map.of())) {
            Node first = members.start(0);
            Node second = members.start(1);
            members.awaitMembers(2);
            AdminClient admin = new AdminClient(first);
            JsonObject subscriber = new JsonObject().put("id", "CL-REV-1").put("name", "Synthetic Cluster")
                    .put("home", new JsonObject().put("lat", 12.97).put("lon", 77.59)).put("language", "kn-IN")
                    .put("consents", new JsonObject().put("EMERGENCY_DISPATCH",
                            new JsonObject().put("granted", true).put("method", "ELECTRONIC")));
            assertThat(admin.call("POST", "/api/v1/subscribers", subscriber).statusCode()).isEqualTo(201);
            HttpResponse<String> device = admin.call("POST", "/api/v1/subscribers/CL-REV-1/devices",
                    new JsonObject().put("id", "hub-cl-rev-1"));
            String secret = new JsonObject(device.body()).getString("secret");
            MqttAsyncClient open = AdminClient.mqtt(second, "hub-cl-rev-1", secret);
            try {
                HttpResponse<String> revoked = admin.call("POST", "/api/v1/devices/hub-cl-rev-1/revocation", null);

                assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(15)).until(() -> !open.isConnected());
                assertThat(AdminClient.mqttLogin(second, "hub-cl-rev-1", secret)).isFalse();
                assertThat(AdminClient.mqttLogin(first, "hub-cl-rev-1", secret)).isFalse();
            } finally {
                AdminClient.close(open);
            }
        }
    }
}
