package org.sahaya.server.gateway.mqtt;

import static org.awaitility.Awaitility.await;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.subscriber.Device;

/** A device speaking MQTT 3.1.1 through the Vert.x MQTT client (blocking calls; test threads only). */
final class Mqtt311Device implements AutoCloseable {

    final String id;
    private final MqttClient client;
    private final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();

    private Mqtt311Device(String id, MqttClient client) {
        this.id = id;
        this.client = client;
        client.publishCompletionHandler(acknowledged::add);
    }

    static Mqtt311Device connect(Vertx vertx, int port, String id) throws Exception {
        return connect(vertx, port, id, Device.demoSecret(id));
    }

    static Mqtt311Device connect(Vertx vertx, int port, String id, String secret) throws Exception {
        MqttClient client = MqttClient.create(vertx, new MqttClientOptions()
                .setClientId(id).setUsername(id).setPassword(secret).setAutoKeepAlive(true).setKeepAliveInterval(30));
        client.connect(port, "127.0.0.1").await(10, TimeUnit.SECONDS);
        return new Mqtt311Device(id, client);
    }

    /** Publishes at QoS 1 and waits for its PUBACK. */
    void publishAcknowledged(String topic, String payload, boolean dup) throws Exception {
        int messageId = client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, dup, false)
                .await(10, TimeUnit.SECONDS);
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(10))
                .until(() -> acknowledged.remove(messageId));
    }

    void alertAcknowledged(String payload, boolean dup) throws Exception {
        publishAcknowledged(TopicPolicy.alerts(id), payload, dup);
    }

    boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() throws Exception {
        if (client.isConnected()) {
            client.disconnect().await(10, TimeUnit.SECONDS);
        }
    }
}
