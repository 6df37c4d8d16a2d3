package org.sahaya.server.gateway.mqtt;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.sahaya.core.subscriber.Device;

/** A device speaking MQTT 5 through the Eclipse Paho client (blocking; test threads only). */
final class Mqtt5Device implements AutoCloseable {

    static final long WAIT_MS = 10_000;

    final String id;
    final MqttAsyncClient client;

    private Mqtt5Device(String id, MqttAsyncClient client) {
        this.id = id;
        this.client = client;
    }

    /** Connects as demo device {@code id} with its published secret. */
    static Mqtt5Device connect(int port, String id) throws MqttException {
        return connect(port, id, id, Device.demoSecret(id));
    }

    static Mqtt5Device connect(int port, String clientId, String username, String password) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(username);
        options.setPassword(password == null ? null : password.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        try {
            client.connect(options).waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return new Mqtt5Device(username, client);
    }

    /** Publishes at QoS 1 and returns the PUBACK's reason code (0 = success). */
    int publish(String topic, String payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        IMqttToken token = client.publish(topic, message);
        try {
            token.waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            if (token.getReasonCodes() != null && token.getReasonCodes().length > 0 && token.getReasonCodes()[0] >= 0x80) {
                return token.getReasonCodes()[0];
            }
            throw e;
        }
        return token.getReasonCodes() == null || token.getReasonCodes().length == 0 ? 0 : token.getReasonCodes()[0];
    }

    int publishAlert(String payload) throws MqttException {
        return publish(TopicPolicy.alerts(id), payload);
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(WAIT_MS);
            }
            client.close(true);
        } catch (MqttException e) {
            // already gone
        }
    }
}
