package org.sahaya.server.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/** MQTT 5 devices against a real demo node: alerts in, reason codes out. */
class MqttAlertsTest {

    @TempDir
    static Path data;
    static Node node;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(data, true);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static String alert(String alertId, String deviceId, String type) {
        return DeviceClient.alert(alertId, deviceId, type).encode();
    }

    static long alertRows(String deviceId, String alertId) {
        return node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM alerts WHERE device_id = ? AND alert_id = ?")) {
                ps.setString(1, deviceId);
                ps.setString(2, alertId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Test
    void alertPublishedAtQos1IsStoredWhenItsPubackArrives() throws Exception {
        try (Mqtt5Device device = Mqtt5Device.connect(node.mqttPort(), "demo-0101")) {
            int reason = device.publishAlert(alert("m5-1", "demo-0101", "TEST"));

            assertThat(reason).isZero();
            assertThat(alertRows("demo-0101", "m5-1")).isEqualTo(1);
        }
    }

    @Test
    void malformedPayloadGetsPayloadFormatInvalidAndTheConnectionStaysUp() throws Exception {
        try (Mqtt5Device device = Mqtt5Device.connect(node.mqttPort(), "demo-0102")) {
            assertThat(device.publishAlert("{not json")).isEqualTo(0x99);
            assertThat(device.publishAlert(new JsonObject().put("alertId", "x").encode())).isEqualTo(0x99);
            assertThat(device.publishAlert(alert("m5-2", "demo-0102", "EARTHQUAKE"))).isEqualTo(0x99);

            assertThat(device.publishAlert(alert("m5-2", "demo-0102", "TEST"))).isZero();
        }
    }

    @Test
    void publishingOnAnotherDevicesTopicIsNotAuthorized() throws Exception {
        try (Mqtt5Device device = Mqtt5Device.connect(node.mqttPort(), "demo-0103")) {
            assertThat(device.publish(TopicPolicy.alerts("demo-0104"), alert("m5-3", "demo-0104", "FALL"))).isEqualTo(0x87);
            assertThat(alertRows("demo-0104", "m5-3")).isZero();
        }
    }

    @Test
    void wrongSecretIsRefusedAsBadUsernameOrPassword() {
        assertThatThrownBy(() -> Mqtt5Device.connect(node.mqttPort(), "demo-0105", "demo-0105", "not-the-secret"))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x86));
    }
}
