package org.sahaya.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.subscriber.DeviceSignature;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/**
 * Failed device signatures are throttled per device id and per address: beyond the allowance a
 * failure gets 429 with {@code Retry-After}; a request that authenticates is never held back, even
 * from a throttled address and for a throttled device id (carriers put thousands behind one address).
 */
class DeviceAuthThrottleTest {

    private static final int ALLOWANCE = 3;

    @TempDir
    static Path data;
    static Node node;
    static DeviceClient client;

    @BeforeAll
    static void start() throws Exception {
        node = Node.start(TestNode.config(data, true, Map.of("SAHAYA_DEVICE_AUTH_FAILURES", Integer.toString(ALLOWANCE),
                "SAHAYA_DEVICE_AUTH_PERIOD_SECONDS", "3600")), Clock.systemUTC());
        client = new DeviceClient(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static HttpResponse<String> forged(String deviceId, String alertId) {
        String body = DeviceClient.alert(alertId, deviceId, "FALL").encode();
        String ts = Long.toString(Instant.now().toEpochMilli());
        return client.send(deviceId, ts, DeviceSignature.sign("a-guess", ts, DeviceClient.bytes(body)), body);
    }

    @Test
    void failuresBeyondTheAllowanceGet429ButAnEmergencyThatAuthenticatesIsAlwaysTaken() {
        for (int i = 1; i <= ALLOWANCE; i++) {
            assertThat(forged("demo-0020", "guess-" + i).statusCode()).as("failure %d", i).isEqualTo(401);
        }

        HttpResponse<String> throttled = forged("demo-0020", "guess-4");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(new JsonObject(throttled.body()).getString("type")).isEqualTo("urn:sahaya:problem:too-many-failures");
        assertThat(forged("ghost-0001", "guess-5").statusCode()).as("another id from the same address").isEqualTo(429);

        HttpResponse<String> sos = client.send("demo-0020", DeviceClient.alert("real-sos-1", "demo-0020", "SOS").encode());
        assertThat(sos.statusCode()).as(sos.body()).isEqualTo(202);
        assertThat(client.heartbeat("demo-0030", "demo-0030", "").statusCode()).isEqualTo(204);
    }
}
