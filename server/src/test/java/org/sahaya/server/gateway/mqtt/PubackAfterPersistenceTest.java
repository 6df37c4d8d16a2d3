package org.sahaya.server.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/** The PUBACK is the device's proof that its alert is stored: never before, never without. */
class PubackAfterPersistenceTest {

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

    @Test
    void theAlertRowExistsAtTheMomentThePubackArrives() throws Exception {
        AtomicLong rowsAtPuback = new AtomicLong(-1);
        try (Mqtt5Device device = Mqtt5Device.connect(node.mqttPort(), "demo-0201")) {
            device.client.setCallback(new PubackObserver(() -> rowsAtPuback.set((TestNode.storedAlert(node, "demo-0201", "p-1").isPresent() ? 1 : 0))));
            assertThat(device.publishAlert(DeviceClient.alert("p-1", "demo-0201", "FALL").encode())).isZero();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> rowsAtPuback.get() >= 0);
        assertThat(rowsAtPuback.get()).isEqualTo(1);
    }

    @Test
    void anAlertThatCannotBeStoredGetsNoPubackAndIsTakenWhenResent() throws Exception {
        String alert = DeviceClient.alert("p-2", "demo-0202", "FALL").encode();
        execute("ALTER TABLE alerts RENAME TO alerts_unavailable");
        try (Mqtt5Device device = Mqtt5Device.connect(node.mqttPort(), "demo-0202")) {
            MqttMessage message = new MqttMessage(alert.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            IMqttToken token = device.client.publish(TopicPolicy.alerts("demo-0202"), message);

            assertThatThrownBy(() -> token.waitForCompletion(Mqtt5Device.WAIT_MS))
                    .as("no PUBACK: the connection is closed instead").isInstanceOf(MqttException.class);
            assertThat(token.getReasonCodes() == null || token.getReasonCodes().length == 0
                    || token.getReasonCodes()[0] != 0).isTrue();
            assertThat(device.client.isConnected()).isFalse();
        } finally {
            execute("ALTER TABLE alerts_unavailable RENAME TO alerts");
        }
        try (Mqtt5Device device = Mqtt5Device.connect(node.mqttPort(), "demo-0202")) {
            assertThat(device.publishAlert(alert)).isZero();
        }
        assertThat(TestNode.storedAlert(node, "demo-0202", "p-2")).isPresent();
    }

    private static void execute(String sql) {
        node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                return ps.execute();
            }
        });
    }

    /** Runs a check on Paho's callback thread the moment a PUBACK completes a publish. */
    private record PubackObserver(Runnable atPuback) implements MqttCallback {
        @Override
        public void deliveryComplete(IMqttToken token) {
            atPuback.run();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
