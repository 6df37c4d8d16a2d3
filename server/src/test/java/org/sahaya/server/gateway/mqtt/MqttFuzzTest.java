package org.sahaya.server.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.subscriber.Device;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/**
 * More than 10,000 random and mutated inputs against a real node's MQTT gateway: mutated frames
 * over raw sockets (before and after CONNECT, both protocol versions), and mutated alert payloads
 * over real clients (Paho, MQTT 5; Vert.x, MQTT 3.1.1). No input may hang a connection without an
 * answer or a close, every well-formed PUBLISH gets its acknowledgement, and afterwards the node
 * takes a well-formed alert as if nothing had happened. Seeded: a failure names its seed.
 */
class MqttFuzzTest {

    static final long SEED = 20261124L;
    static final int RAW_INPUTS = 4_000;
    static final int MQTT5_PAYLOADS = 4_500;
    static final int MQTT311_PAYLOADS = 2_000;
    static final int THREADS = 4;

    @TempDir
    static Path data;
    static Node node;
    static Vertx vertx;

    @BeforeAll
    static void start() throws Exception {
        // Many refused CONNECTs from one address: not a test of the failure throttle, which would answer them late.
        node = Node.start(TestNode.config(data, true, Map.of("SAHAYA_MAX_ALERT_BYTES", "2048",
                "SAHAYA_DEVICE_AUTH_FAILURES", "1000000")), Clock.systemUTC());
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
        node.close();
    }

    static JsonObject validAlert(String device, String alertId) {
        return DeviceClient.alert(alertId, device, "TEST").put("location", new JsonObject().put("lat", 12.97).put("lon", 77.59));
    }

    static List<byte[]> corpus(int version, String device) {
        byte[] alert = validAlert(device, "fz-corpus").encode().getBytes(StandardCharsets.UTF_8);
        return List.of(
                MqttFrames.publish(version, TopicPolicy.alerts(device), alert, 1, 1, false),
                MqttFrames.publish(version, TopicPolicy.alerts(device), alert, 2, 2, true),
                MqttFrames.publish(version, TopicPolicy.alerts(device), alert, 0, 0, false),
                MqttFrames.publish(version, TopicPolicy.heartbeat(device), "{}".getBytes(StandardCharsets.UTF_8), 1, 3, false),
                MqttFrames.subscribe(version, 4, "devices/#"),
                MqttFrames.unsubscribe(version, 5, "devices/#"),
                MqttFrames.pubrel(6),
                MqttFrames.PINGREQ,
                MqttFrames.DISCONNECT,
                MqttFrames.connect(version, device, Device.demoSecret(device), 30));
    }

    @Test
    void randomAndMutatedInputsNeitherCrashNorSilenceTheGateway() throws Exception {
        AtomicInteger inputs = new AtomicInteger();
        AtomicInteger survived = new AtomicInteger();
        Set<String> hung = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                rawFrames(thread, inputs, survived, hung);
                return null;
            }));
        }
        workers.add(pool.submit(() -> {
            mqtt5Payloads(inputs);
            return null;
        }));
        workers.add(pool.submit(() -> {
            mqtt311Payloads(inputs);
            return null;
        }));
        for (Future<?> worker : workers) {
            worker.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(hung).as("inputs neither answered nor closed within 5 s (seed " + SEED + ")").isEmpty();
        assertThat(inputs.get()).isGreaterThanOrEqualTo(10_000);
        assertThat(survived.get()).as("connections that answered a PINGREQ after a mutated frame").isPositive();
        try (Mqtt5Device device = Mqtt5Device.connect(node.mqttPort(), "demo-0499")) {
            assertThat(device.publishAlert(DeviceClient.alert("fz-after", "demo-0499", "FALL").encode())).isZero();
        }
        assertThat(new DeviceClient(node.managementPort()).get("/health/live").statusCode()).isEqualTo(200);
    }

    /** One connection per input: a mutated CONNECT, or a good CONNECT then a mutated packet and a PINGREQ. */
    private static void rawFrames(int thread, AtomicInteger inputs, AtomicInteger survived, Set<String> hung) throws Exception {
        Mutations mutations = new Mutations(SEED + thread);
        String device = Device.demoId(401 + thread);
        for (int i = 0; i < RAW_INPUTS / THREADS; i++) {
            int version = mutations.random().nextBoolean() ? 5 : 4;
            try (Socket socket = new Socket("127.0.0.1", node.mqttPort())) {
                socket.setSoTimeout(5_000);
                byte[] connect = MqttFrames.connect(version, device, Device.demoSecret(device), 30);
                if (mutations.random().nextInt(100) < 15) {
                    socket.getOutputStream().write(mutations.bytes(connect));
                } else {
                    socket.getOutputStream().write(connect);
                    byte[] connAck = MqttFrames.read(socket, 2);
                    MqttFrames.read(socket, connAck.length < 2 ? 0 : connAck[1]);
                    List<byte[]> corpus = corpus(version, device);
                    socket.getOutputStream().write(mutations.bytes(corpus.get(mutations.random().nextInt(corpus.size()))));
                    socket.getOutputStream().write(MqttFrames.PINGREQ);
                }
                socket.shutdownOutput();
                byte[] answer = MqttFrames.readUntilClosed(socket);
                if (answer == null) {
                    hung.add("thread " + thread + " input " + i);
                } else if (answer.length >= 2 && answer[answer.length - 2] == (byte) 0xD0 && answer[answer.length - 1] == 0) {
                    survived.incrementAndGet();
                }
            } catch (java.net.SocketException reset) {
                // the server closed the connection while we were still writing: a close is an answer
            }
            inputs.incrementAndGet();
        }
    }

    /** Every mutated payload published at QoS 1 gets a PUBACK: success, payload invalid, or quota exceeded. */
    private static void mqtt5Payloads(AtomicInteger inputs) throws Exception {
        Mutations mutations = new Mutations(SEED + 100);
        try (Mqtt5Device device = Mqtt5Device.connect(node.mqttPort(), "demo-0450")) {
            for (int i = 0; i < MQTT5_PAYLOADS; i++) {
                MqttMessage message = new MqttMessage(mutations.alert(validAlert("demo-0450", "fz5-" + i)));
                message.setQos(1);
                IMqttToken token = device.client.publish(TopicPolicy.alerts("demo-0450"), message);
                try {
                    token.waitForCompletion(Mqtt5Device.WAIT_MS);
                } catch (org.eclipse.paho.mqttv5.common.MqttException refused) {
                    // a refusal reason code completes the token exceptionally; checked below
                }
                assertThat(token.isComplete()).as("PUBACK for payload " + i + " (seed " + SEED + ")").isTrue();
                assertThat(token.getReasonCodes()).as("reason of payload " + i).isNotNull();
                assertThat(token.getReasonCodes()[0]).isIn(0x00, 0x99, 0x97);
                inputs.incrementAndGet();
            }
        }
    }

    private static void mqtt311Payloads(AtomicInteger inputs) throws Exception {
        Mutations mutations = new Mutations(SEED + 200);
        try (Mqtt311Device device = Mqtt311Device.connect(vertx, node.mqttPort(), "demo-0451")) {
            for (int i = 0; i < MQTT311_PAYLOADS; i++) {
                device.publishAcknowledged(TopicPolicy.alerts("demo-0451"),
                        new String(mutations.alert(validAlert("demo-0451", "fz3-" + i)), StandardCharsets.ISO_8859_1), i % 7 == 0);
                inputs.incrementAndGet();
            }
        }
    }
}
