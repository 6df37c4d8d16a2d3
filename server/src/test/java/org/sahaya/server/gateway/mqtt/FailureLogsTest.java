package org.sahaya.server.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.CapturedLog;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/**
 * Issue 14, item 7: nothing personal or medical in a log line, database exceptions included. The
 * drivers quote a failed statement's parameters in their messages; here the database refuses an alert
 * (its vitals column made too small behind the node's back) and the marker in the vitals must not
 * reach the log, over HTTP or MQTT, while the failure itself is still logged (class and SQLState).
 */
class FailureLogsTest {

    private static final String MARKER = "PERSONAL-MARKER-51c9";

    @TempDir
    static Path data;
    static Node node;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(data, true);
        node.database().withConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE alerts ALTER COLUMN vitals SET DATA TYPE VARCHAR(20)");
            }
            return null;
        });
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static String alertWithMarker(String alertId, String deviceId) {
        return DeviceClient.alert(alertId, deviceId, "FALL")
                .put("vitals", new JsonObject().put("note", MARKER).put("phone", "+919800000000")).encode();
    }

    @Test
    void aDatabaseFailureOverHttpIsLoggedWithoutTheParameters() {
        try (CapturedLog log = new CapturedLog()) {
            HttpResponse<String> r = new DeviceClient(node.httpPort()).send("demo-0301", alertWithMarker("f-http-1", "demo-0301"));

            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).doesNotContain(MARKER);
            await().atMost(Duration.ofSeconds(10)).until(() -> log.text().contains("failed"));
            assertThat(log.text()).contains("SQLState 22001").doesNotContain(MARKER).doesNotContain("+919800000000");
        }
    }

    @Test
    void aDatabaseFailureOverMqttIsLoggedWithoutTheParameters() throws Exception {
        try (CapturedLog log = new CapturedLog();
             Mqtt5Device device = Mqtt5Device.connect(node.mqttPort(), "demo-0302")) {
            device.client.publish(TopicPolicy.alerts("demo-0302"), new org.eclipse.paho.mqttv5.common.MqttMessage(
                    alertWithMarker("f-mqtt-1", "demo-0302").getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, false, null));

            await().atMost(Duration.ofSeconds(10)).until(() -> log.text().contains("could not be stored"));
            assertThat(log.text()).contains("SQLState 22001").doesNotContain(MARKER).doesNotContain("+919800000000");
        }
    }
}
