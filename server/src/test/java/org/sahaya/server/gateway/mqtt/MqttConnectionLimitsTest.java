package org.sahaya.server.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahaya.core.config.MqttSettings;
import org.sahaya.core.subscriber.Device;
import org.sahaya.server.device.DeviceActivity;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.server.gateway.AlertPayload;

/**
 * The gateway on its own (no node, no alerts): connections that never connect, go silent, stall
 * mid-frame, send oversized frames or are replaced by a reconnect are closed; heartbeats and
 * keep-alives count as device activity. Limits are set to 1 s so the test is quick.
 */
class MqttConnectionLimitsTest {

    static final Device HUB = new Device("hub-0001", "sub-1", "hub-secret", false);
    static final int MAX_MESSAGE_BYTES = 4096;
    static Vertx vertx;
    static MqttGateway gateway;
    static final List<String> heard = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        AlertPayload payload = AlertPayload.fromContract(vertx).await(30, TimeUnit.SECONDS);
        DeviceAuthenticator authenticator = new DeviceAuthenticator(
                id -> Future.succeededFuture(id.equals(HUB.id()) ? Optional.of(HUB) : Optional.empty()), false);
        DeviceActivity recorder = (deviceId, at, gatewayName) -> heard.add(deviceId + " " + gatewayName);
        gateway = MqttGateway.start(vertx, 0,
                new MqttSettings(MAX_MESSAGE_BYTES, Duration.ofSeconds(1), Duration.ofSeconds(1)), 2048,
                new MqttGateway.Services(payload, null, new DeviceRateLimit(100, 100, Clock.systemUTC()), authenticator,
                        recorder, new MqttCounters(new SimpleMeterRegistry())),
                Clock.systemUTC()).await(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        gateway.close().await();
        vertx.close().await();
    }

    private static Socket socket() throws Exception {
        Socket socket = new Socket("127.0.0.1", gateway.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static Socket connected(int version, int keepAlive) throws Exception {
        Socket socket = socket();
        socket.getOutputStream().write(MqttFrames.connect(version, HUB.id(), HUB.secret(), keepAlive));
        byte[] connAck = MqttFrames.read(socket, 2);
        assertThat(connAck[0]).as("CONNACK").isEqualTo((byte) 0x20);
        byte[] rest = MqttFrames.read(socket, connAck[1]);
        assertThat(rest[version >= 5 ? 1 : 1]).as("accepted").isZero();
        return socket;
    }

    @Test
    void socketThatNeverSendsConnectIsClosed() throws Exception {
        try (Socket socket = socket()) {
            assertThat(MqttFrames.readUntilClosed(socket)).as("closed by the server").isEmpty();
        }
    }

    @Test
    void deviceThatAsksForNoKeepAliveIsStillClosedWhenSilent() throws Exception {
        try (Socket socket = connected(4, 0)) {
            assertThat(MqttFrames.readUntilClosed(socket)).as("closed by the server").isNotNull();
        }
    }

    @Test
    void deviceThatStallsInTheMiddleOfAFrameIsClosed() throws Exception {
        try (Socket socket = connected(5, 0)) {
            byte[] publish = MqttFrames.publish(5, TopicPolicy.heartbeat(HUB.id()), new byte[100], 1, 7, false);
            socket.getOutputStream().write(publish, 0, 20);

            assertThat(MqttFrames.readUntilClosed(socket)).as("closed by the server").isNotNull();
        }
    }

    @Test
    void frameLargerThanTheLimitEndsTheConnectionButNotTheGateway() throws Exception {
        try (Socket socket = connected(4, 30)) {
            socket.getOutputStream().write(MqttFrames.publish(4, TopicPolicy.alerts(HUB.id()),
                    new byte[MAX_MESSAGE_BYTES + 1], 1, 1, false));
            assertThat(MqttFrames.readUntilClosed(socket)).as("closed by the server").isNotNull();
        }
        try (Socket again = connected(4, 30)) {
            again.getOutputStream().write(MqttFrames.PINGREQ);
            assertThat(MqttFrames.read(again, 2)).containsExactly(0xD0, 0x00);
        }
    }

    @Test
    void reconnectingDeviceReplacesItsOlderConnection() throws Exception {
        try (Socket first = connected(4, 30); Socket second = connected(4, 30)) {
            assertThat(MqttFrames.readUntilClosed(first)).as("the older connection is closed").isNotNull();
            second.getOutputStream().write(MqttFrames.PINGREQ);
            assertThat(MqttFrames.read(second, 2)).containsExactly(0xD0, 0x00);
        }
    }

    @Test
    void heartbeatsAndKeepAlivesCountAsDeviceActivity() throws Exception {
        try (Socket socket = connected(4, 30)) {
            int before = heard.size();
            socket.getOutputStream().write(MqttFrames.PINGREQ);
            assertThat(MqttFrames.read(socket, 2)).containsExactly(0xD0, 0x00);
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() > before);

            int afterPing = heard.size();
            socket.getOutputStream().write(MqttFrames.publish(4, TopicPolicy.heartbeat(HUB.id()),
                    "{}".getBytes(StandardCharsets.UTF_8), 1, 9, false));
            assertThat(MqttFrames.read(socket, 4)).as("PUBACK").containsExactly(0x40, 0x02, 0x00, 0x09);
            assertThat(heard.size()).isGreaterThan(afterPing);
            assertThat(heard).allMatch(h -> h.equals("hub-0001 mqtt"));
        }
    }

    @Test
    void subscribeIsAnsweredAndRefused() throws Exception {
        try (Socket socket = connected(4, 30)) {
            socket.getOutputStream().write(MqttFrames.subscribe(4, 3, "devices/#"));
            assertThat(MqttFrames.read(socket, 5)).as("SUBACK with failure").containsExactly(0x90, 0x03, 0x00, 0x03, 0x80);
        }
    }

    @Test
    void mqtt5DeviceAskingForNoKeepAliveIsToldTheServersAndTheMaximumPacketSize() throws Exception {
        try (Socket socket = socket()) {
            socket.getOutputStream().write(MqttFrames.connect(5, HUB.id(), HUB.secret(), 0));
            byte[] header = MqttFrames.read(socket, 2);
            byte[] connAck = MqttFrames.read(socket, header[1]);

            assertThat(connAck[1]).as("accepted").isZero();
            // properties from index 3: Server Keep Alive (0x13) = 1 s, Maximum Packet Size (0x27) = 4096
            assertThat(connAck).containsSequence(0x13, 0x00, 0x01);
            assertThat(connAck).containsSequence(0x27, 0x00, 0x00, 0x10, 0x00);
        }
    }

    @Test
    void qos2PublishIsReceivedThenCompleted() throws Exception {
        try (Socket socket = connected(4, 30)) {
            socket.getOutputStream().write(MqttFrames.publish(4, TopicPolicy.heartbeat(HUB.id()),
                    "{}".getBytes(StandardCharsets.UTF_8), 2, 12, false));
            assertThat(MqttFrames.read(socket, 4)).as("PUBREC").containsExactly(0x50, 0x02, 0x00, 0x0C);

            socket.getOutputStream().write(MqttFrames.pubrel(12));
            assertThat(MqttFrames.read(socket, 4)).as("PUBCOMP").containsExactly(0x70, 0x02, 0x00, 0x0C);
        }
    }
}
