package org.sahaya.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/**
 * Idle, slow and oversized clients cannot hold the node's connections: silence is closed by the idle
 * timeout, a trickled body gets 408, trickled headers are cut off, huge headers get 431, and the node
 * still answers a proper device afterwards.
 */
class SlowClientsTest {

    /** Any path of the public port: a node that still answers says 404 (a problem) for it. */
    static final String STILL_ANSWERS = "/api/v1/no-such-resource";

    @TempDir
    static Path idleData;
    @TempDir
    static Path slowData;
    /** Idle timeout 1 s, request deadline far away: only the idle timeout can close a silent socket. */
    static Node idleNode;
    /** Request deadline 1 s, idle timeout far away: a client trickling bytes is never idle. */
    static Node slowNode;

    @BeforeAll
    static void start() throws Exception {
        idleNode = Node.start(TestNode.config(idleData, true, Map.of("SAHAYA_HTTP_IDLE_TIMEOUT_SECONDS", "1",
                "SAHAYA_HTTP_REQUEST_TIMEOUT_SECONDS", "600")), Clock.systemUTC());
        slowNode = Node.start(TestNode.config(slowData, true, Map.of("SAHAYA_HTTP_IDLE_TIMEOUT_SECONDS", "600",
                "SAHAYA_HTTP_REQUEST_TIMEOUT_SECONDS", "1", "SAHAYA_MEMBER_PORT", "5901")), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        idleNode.close();
        slowNode.close();
    }

    @Test
    void aSocketThatOpensAndSendsNothingIsClosedAfterTheIdleTimeout() throws Exception {
        try (RawHttp silent = new RawHttp(idleNode.httpPort())) {
            assertThat(silent.readUntilClosed()).isEmpty();
        }
        assertThat(new DeviceClient(idleNode).get(STILL_ANSWERS).statusCode()).isEqualTo(404);
    }

    @Test
    void aSilentSocketIsAlsoClosedByTheRequestDeadline() throws Exception {
        try (RawHttp silent = new RawHttp(slowNode.httpPort())) {
            assertThat(silent.readUntilClosed()).isEmpty();
        }
    }

    @Test
    void aBodyTrickledSlowerThanTheRequestDeadlineIsCutOffWith408() throws Exception {
        try (RawHttp slow = new RawHttp(slowNode.httpPort())) {
            slow.write("POST /api/v1/alerts HTTP/1.1\r\nHost: sahaya\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 400\r\nX-Device-Id: demo-0001\r\nX-Timestamp: 1\r\nX-Signature: "
                    + "0".repeat(64) + "\r\n\r\n{");
            // One byte every 100 ms keeps the connection from ever being idle.
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !slow.isConnectedForWriting());
        }
        try (RawHttp slow = new RawHttp(slowNode.httpPort())) {
            slow.write("POST /api/v1/alerts HTTP/1.1\r\nHost: sahaya\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 400\r\n\r\n{\"alertId\":");
            String answer = slow.readUntilClosed();
            assertThat(RawHttp.status(answer)).isEqualTo(408);
            assertThat(answer).contains("application/problem+json", "request-timeout");
        }
    }

    @Test
    void headersTrickledSlowerThanTheRequestDeadlineAreCutOff() throws Exception {
        try (RawHttp slow = new RawHttp(slowNode.httpPort())) {
            slow.write("GET " + STILL_ANSWERS + " HTTP/1.1\r\nHost: sahaya\r\n");
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !slow.isConnectedForWriting());
        }
        assertThat(new DeviceClient(slowNode).get(STILL_ANSWERS).statusCode()).isEqualTo(404);
    }

    @Test
    void headersLargerThanTheLimitAreRefusedWith431() throws Exception {
        try (RawHttp big = new RawHttp(slowNode.httpPort())) {
            big.write("GET " + STILL_ANSWERS + " HTTP/1.1\r\nHost: sahaya\r\nX-Padding: " + "a".repeat(20_000) + "\r\n\r\n");
            assertThat(RawHttp.status(big.readHead())).isEqualTo(431);
        }
    }

    @Test
    void aProperAlertIsStillAcceptedByANodeWithTightLimits() {
        DeviceClient client = new DeviceClient(slowNode);
        assertThat(client.send("demo-0041", DeviceClient.alert("t-41", "demo-0041", "TEST").encode()).statusCode())
                .isEqualTo(202);
    }
}
