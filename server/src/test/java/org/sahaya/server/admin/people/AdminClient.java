package org.sahaya.server.admin.people;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.sahaya.core.subscriber.DeviceSignature;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.Staff;
import org.sahaya.server.access.Role;
import org.sahaya.server.gateway.mqtt.TopicPolicy;

/** An admin of a test node speaking the people API, and the node's devices signing and logging in (blocking). */
public final class AdminClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Node node;
    private final String base;

    public AdminClient(Node node) {
        this.node = node;
        this.base = "http://127.0.0.1:" + node.httpPort();
    }

    public HttpResponse<String> call(String method, String path, JsonObject body) {
        return call(method, path, body, "Bearer " + Staff.createAndLogin(node, "people-admin", Role.ADMIN));
    }

    HttpResponse<String> call(String method, String path, JsonObject body, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code body} as an alert of {@code deviceId} signed with {@code secret} at the node's time. */
    public HttpResponse<String> alert(String deviceId, String secret, JsonObject body, Clock clock) {
        String ts = Long.toString(clock.millis());
        String text = body.encode();
        return new DeviceClient(node.httpPort()).send(deviceId, ts,
                DeviceSignature.sign(secret, ts, DeviceClient.bytes(text)), text);
    }

    /** An MQTT 5 login of {@code deviceId} with {@code secret}; the caller closes it. */
    public static MqttAsyncClient mqtt(Node node, String deviceId, String secret) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + node.mqttPort(), deviceId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(deviceId);
        options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(60);
        try {
            client.connect(options).waitForCompletion(10_000);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return client;
    }

    /** Whether {@code deviceId} may log in over MQTT with {@code secret}. */
    public static boolean mqttLogin(Node node, String deviceId, String secret) {
        try {
            MqttAsyncClient client = mqtt(node, deviceId, secret);
            client.disconnect().waitForCompletion(10_000);
            client.close(true);
            return true;
        } catch (MqttException e) {
            return false;
        }
    }

    /** Publishes an alert at QoS 1 and waits for its PUBACK. */
    static void publishAlert(MqttAsyncClient client, String deviceId, JsonObject alert) throws MqttException {
        MqttMessage message = new MqttMessage(alert.encode().getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish(TopicPolicy.alerts(deviceId), message).waitForCompletion(10_000);
    }

    public static void close(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(10_000);
            }
            client.close(true);
        } catch (MqttException e) {
            // already gone
        }
    }
}
