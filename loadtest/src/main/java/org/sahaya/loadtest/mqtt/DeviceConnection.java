package org.sahaya.loadtest.mqtt;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.sahaya.loadtest.run.Endpoint;

/**
 * One device's MQTT 3.1.1 connection, as a wearable holds it: QoS 1 publishes, each answered by
 * its PUBACK. Everything runs on the connection's own Vert.x context, so the bookkeeping of
 * outstanding packet ids needs no locks.
 */
final class DeviceConnection {

    /** The answer counted as success by the open-loop engine (an HTTP-like 2xx). */
    static final int PUBACK = 200;

    private final Vertx vertx;
    private final Context context;
    private final MqttClient client;
    private final Map<Integer, Promise<Integer>> waiting = new HashMap<>();
    private final Set<Integer> earlyAcks = new HashSet<>();

    private DeviceConnection(Vertx vertx, Context context, MqttClient client) {
        this.vertx = vertx;
        this.context = context;
        this.client = client;
        client.publishCompletionHandler(this::acknowledged);
    }

    static Future<DeviceConnection> open(Vertx vertx, Endpoint endpoint, String deviceId, String secret, int maxInFlight) {
        Context context = vertx.getOrCreateContext();
        Promise<DeviceConnection> opened = Promise.promise();
        context.runOnContext(v -> {
            MqttClient client = MqttClient.create(vertx, new MqttClientOptions()
                    .setClientId(deviceId).setUsername(deviceId).setPassword(secret)
                    .setAutoKeepAlive(true).setKeepAliveInterval(60).setMaxInflightQueue(maxInFlight));
            DeviceConnection connection = new DeviceConnection(vertx, context, client);
            client.connect(endpoint.port(), endpoint.host())
                    .map(ack -> connection)
                    .onComplete(opened);
        });
        return opened.future();
    }

    /** Publishes at QoS 1; succeeds with {@link #PUBACK} when it is acknowledged, fails on timeout or refusal to send. */
    Future<Integer> publish(String topic, byte[] payload, long timeoutMillis) {
        Promise<Integer> answer = Promise.promise();
        context.runOnContext(v -> {
            if (!client.isConnected()) {
                // the node closed this device's connection (e.g. overloaded): an error, not a wait for a timeout
                answer.fail(new IllegalStateException("disconnected"));
                return;
            }
            long timer = vertx.setTimer(timeoutMillis, t -> answer.tryFail(new TimeoutException("no PUBACK")));
            answer.future().onComplete(done -> vertx.cancelTimer(timer));
            client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false).onComplete(sent -> {
                if (sent.failed()) {
                    answer.tryFail(sent.cause());
                } else if (earlyAcks.remove(sent.result())) {
                    answer.tryComplete(PUBACK);
                } else {
                    waiting.put(sent.result(), answer);
                }
            });
        });
        return answer.future();
    }

    private void acknowledged(int packetId) {
        Promise<Integer> answer = waiting.remove(packetId);
        if (answer != null) {
            answer.tryComplete(PUBACK);
        } else {
            earlyAcks.add(packetId); // the PUBACK overtook our note of the packet id
        }
    }

    Future<Void> close() {
        Promise<Void> closed = Promise.promise();
        context.runOnContext(v -> client.disconnect().otherwiseEmpty().onComplete(closed));
        return closed.future();
    }
}
