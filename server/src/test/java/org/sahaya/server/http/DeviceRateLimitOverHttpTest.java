package org.sahaya.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/** A chattering device is slowed down on routine alerts, never on emergencies. Default limits. */
class DeviceRateLimitOverHttpTest {

    @TempDir
    static Path data;
    static Node node;
    static DeviceClient client;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(data, true);
        client = new DeviceClient(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aHundredTestAlertsFromOneDeviceAreThrottledWith429AndRetryAfter() {
        List<HttpResponse<String>> answers = IntStream.range(0, 100).mapToObj(i ->
                client.send("demo-0051", DeviceClient.alert("test-51-" + i, "demo-0051", "TEST").encode())).toList();

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isIn(202, 429));
        List<HttpResponse<String>> refused = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(refused).isNotEmpty();
        assertThat(answers.stream().filter(r -> r.statusCode() == 202)).isNotEmpty();
        HttpResponse<String> one = refused.getFirst();
        assertThat(one.headers().firstValue("Retry-After")).isPresent();
        assertThat(new JsonObject(one.body()).getString("type")).isEqualTo("urn:sahaya:problem:rate-limited");
    }

    @Test
    void aHundredFallsFromOneDeviceAreAllAcceptedIntoOneIncident() {
        List<HttpResponse<String>> answers = IntStream.range(0, 100).mapToObj(i ->
                client.send("demo-0052", DeviceClient.alert("fall-52-" + i, "demo-0052", "FALL").encode())).toList();

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(202));
        assertThat(answers.stream().map(r -> new JsonObject(r.body()).getString("incidentId")).distinct()).hasSize(1);
    }

    @Test
    void emergenciesGetThroughEvenRightAfterTheRoutineBudgetIsSpent() {
        IntStream.range(0, 40).forEach(i ->
                client.send("demo-0053", DeviceClient.alert("test-53-" + i, "demo-0053", "TEST").encode()));

        assertThat(client.send("demo-0053", DeviceClient.alert("sos-53", "demo-0053", "SOS").encode()).statusCode())
                .isEqualTo(202);
        assertThat(client.send("demo-0053", DeviceClient.alert("ok-53", "demo-0053", "CANCEL").encode()).statusCode())
                .isEqualTo(202);
    }
}
