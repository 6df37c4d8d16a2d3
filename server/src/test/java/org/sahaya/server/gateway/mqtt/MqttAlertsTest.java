package org.sahaya.server.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.nio.file.Path;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/**
 * Devices against a real demo node, over MQTT 5 (Eclipse Paho) and MQTT 3.1.1 (Vert.x client):
 * alerts in, reason codes out. Each test uses its own devices (the rate limit is per device: a
 * burst of 3, then almost nothing).
 */
class MqttAlertsTest {

    @TempDir
    static Path data;
    static Node node;
    static Vertx vertx;
    static DeviceClient http;

    @BeforeAll
    static void start() throws Exception {
        node = Node.start(TestNode.config(data, true,
                Map.of("SAHAYA_DEVICE_BURST", "3", "SAHAYA_DEVICE_RATE_PER_SECOND", "0.001")), Clock.systemUTC());
        vertx = Vertx.vertx();
        http = new DeviceClient(node);
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
        node.close();
    }

    static String alert(String alertId, String deviceId, String type) {
        return DeviceClient.alert(alertId, deviceId, type).encode();
    }

    /** 1 when the node stored the device's alert (the primary key allows no more), else 0. */
    static long alertRows(String deviceId, String alertId) {
        return TestNode.storedAlert(node, deviceId, alertId).isPresent() ? 1 : 0;
    }

    @Test
    void theListeningLineNamesTheMqttPort() {
        assertThat(node.mqttPort()).isPositive();
        assertThat(node.listeningLine()).contains(" mqtt=" + node.mqttPort() + " ");
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
    void alertPublishedAtQos0IsStillStored() throws Exception {
        try (Mqtt5Device device = Mqtt5Device.connect(node.mqttPort(), "demo-0112")) {
            org.eclipse.paho.mqttv5.common.MqttMessage message = new org.eclipse.paho.mqttv5.common.MqttMessage(
                    alert("m5-q0", "demo-0112", "SOS").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            message.setQos(0);
            device.client.publish(TopicPolicy.alerts("demo-0112"), message).waitForCompletion(Mqtt5Device.WAIT_MS);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> alertRows("demo-0112", "m5-q0") == 1);
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

    @Test
    void routineMessagesBeyondTheRateLimitGetQuotaExceededButEmergenciesNever() throws Exception {
        try (Mqtt5Device device = Mqtt5Device.connect(node.mqttPort(), "demo-0106")) {
            for (int i = 1; i <= 3; i++) {
                assertThat(device.publishAlert(alert("m5-rl-" + i, "demo-0106", "TEST"))).as("within the burst").isZero();
            }
            assertThat(device.publishAlert(alert("m5-rl-4", "demo-0106", "TEST"))).isEqualTo(0x97);
            assertThat(device.publish(TopicPolicy.heartbeat("demo-0106"), "{}")).isEqualTo(0x97);

            assertThat(device.publishAlert(alert("m5-rl-5", "demo-0106", "FALL"))).as("an emergency").isZero();
            assertThat(device.publishAlert(alert("m5-rl-6", "demo-0106", "SOS"))).as("another").isZero();
            assertThat(alertRows("demo-0106", "m5-rl-4")).isZero();
            assertThat(alertRows("demo-0106", "m5-rl-6")).isEqualTo(1);
        }
    }

    @Test
    void alertResentWithDupOpensNoSecondIncidentAndTellsTheFamilyOnce() throws Exception {
        String fall = alert("m3-dup-1", "demo-0107", "FALL");
        try (Mqtt311Device device = Mqtt311Device.connect(vertx, node.mqttPort(), "demo-0107")) {
            device.alertAcknowledged(fall, false);
            device.alertAcknowledged(fall, true);
            device.alertAcknowledged(fall, true);
        }
        assertThat(alertRows("demo-0107", "m3-dup-1")).isEqualTo(1);
        String incidentId = TestNode.storedAlert(node, "demo-0107", "m3-dup-1").orElseThrow().incidentId();
        await().atMost(Duration.ofSeconds(20)).until(() -> !http.incident(incidentId).getJsonArray("notifications").isEmpty());
        JsonObject incident = http.incident(incidentId);
        JsonArray timeline = incident.getJsonArray("timeline");
        assertThat(entries(timeline, "ALERT_RECEIVED")).isEqualTo(1);
        assertThat(entries(timeline, "ALERT_JOINED")).isZero();
        Set<String> sends = new HashSet<>();
        for (Object n : incident.getJsonArray("notifications")) {
            JsonObject notification = (JsonObject) n;
            assertThat(sends.add(notification.encode())).as("each notification once").isTrue();
        }
        assertThat(http.get("/api/v1/incidents?limit=1000").body()).containsOnlyOnce(incidentId);
    }

    @Test
    void mqtt311RefusalIsAcknowledgedLoggedAndCounted() throws Exception {
        try (Mqtt311Device device = Mqtt311Device.connect(vertx, node.mqttPort(), "demo-0108")) {
            device.alertAcknowledged("{not json", false);
            device.publishAcknowledged(TopicPolicy.alerts("demo-0109"), alert("m3-x", "demo-0109", "FALL"), false);

            assertThat(device.isConnected()).isTrue();
            device.alertAcknowledged(alert("m3-ok", "demo-0108", "TEST"), false);
        }
        assertThat(alertRows("demo-0108", "m3-ok")).isEqualTo(1);
        String metrics = new DeviceClient(node.managementPort()).get("/metrics").body();
        assertThat(metrics).containsPattern(
                "sahaya_mqtt_publish_refused_total\\{protocol=\"3.1.1\",reason=\"payload-invalid\"} [1-9]");
        assertThat(metrics).containsPattern(
                "sahaya_mqtt_publish_refused_total\\{protocol=\"3.1.1\",reason=\"topic-not-allowed\"} [1-9]");
    }

    @Test
    void mqtt311WrongSecretIsRefusedWithReturnCode4() {
        assertThatThrownBy(() -> Mqtt311Device.connect(vertx, node.mqttPort(), "demo-0110", "not-the-secret"))
                .isInstanceOfSatisfying(MqttConnectionException.class, e -> assertThat(e.code().byteValue()).isEqualTo((byte) 4));
    }

    @Test
    void clientIdOtherThanTheUsernameIsRefused() {
        assertThatThrownBy(() -> Mqtt5Device.connect(node.mqttPort(), "someone-else", "demo-0111", "demo-secret-0111"))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x85));
    }

    @Test
    void aHeartbeatIsHeldToTheHttpHeartbeatsRules() throws Exception {
        try (Mqtt5Device device = Mqtt5Device.connect(node.mqttPort(), "demo-0113")) {
            String topic = TopicPolicy.heartbeat("demo-0113");
            assertThat(device.publish(topic, "{\"batteryPercent\":150}")).as("out of range").isEqualTo(0x99);
            assertThat(device.publish(topic, "{\"mood\":\"fine\"}")).as("an unknown field").isEqualTo(0x99);
            assertThat(device.publish(topic, "not json")).as("not JSON").isEqualTo(0x99);
            assertThat(device.publish(topic, "[1]")).as("not an object").isEqualTo(0x99);
            assertThat(device.publish(topic, "{\"batteryPercent\":40,\"batteryPercent\":90}")).as("a key twice")
                    .isEqualTo(0x99);

            assertThat(device.publish(topic, "")).as("nothing, as over HTTP").isZero();
            assertThat(device.publish(topic, "{\"batteryPercent\":40}")).isZero();
        }
    }

    @Test
    void anAlertWithAKeyWrittenTwiceIsRefusedAndStoresNothing() throws Exception {
        try (Mqtt5Device device = Mqtt5Device.connect(node.mqttPort(), "demo-0114")) {
            String twice = alert("m5-dup-1", "demo-0114", "FALL").replace("\"type\":\"FALL\"",
                    "\"type\":\"FALL\",\"type\":\"TEST\"");
            assertThat(twice).contains("\"type\":\"FALL\",\"type\":\"TEST\"");

            assertThat(device.publishAlert(twice)).isEqualTo(0x99);
            assertThat(alertRows("demo-0114", "m5-dup-1")).isZero();
        }
    }

    private static long entries(JsonArray timeline, String kind) {
        return timeline.stream().filter(e -> ((JsonObject) e).encode().contains("\"" + kind + "\"")).count();
    }
}
