package org.sahaya.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.subscriber.DeviceSignature;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;
import org.sahaya.server.http.contract.Problem;

/**
 * Throws random and mutated requests at a real node over real HTTP: every one gets an answer, bad
 * input a 4xx problem (never a 500), and the node still takes a proper alert afterwards. The seed
 * is fixed so a failure replays; each failure names the request that caused it.
 */
class HttpFuzzTest {

    private static final long SEED = 20261124L;
    private static final int REQUESTS = 10_000;
    private static final int RAW_FRAMES = 500;

    @TempDir
    static Path data;
    static Node node;
    static HttpClient http;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(data, true);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        base = "http://127.0.0.1:" + node.httpPort();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void tenThousandMutatedRequestsEachGetAnAnswerAndTheNodeStillTakesAlerts() throws Exception {
        FuzzRequests generator = new FuzzRequests(new Random(SEED));
        List<FuzzRequests.Fuzzed> requests = new ArrayList<>();
        while (requests.size() < REQUESTS) {
            requests.add(generator.next());
        }
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answered = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> running = new ArrayList<>();
            for (FuzzRequests.Fuzzed request : requests) {
                running.add(pool.submit(() -> {
                    String problem = check(request);
                    answered.incrementAndGet();
                    if (problem != null) {
                        wrong.add(problem + " <- " + request.describe());
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }

        assertThat(answered).hasValue(REQUESTS);
        assertThat(wrong).as("requests answered wrongly").isEmpty();
        assertTheNodeStillTakesAnAlert("after-fuzz");
    }

    @Test
    void brokenHttpFramesAreAnsweredOrClosedAndNeverTakeTheNodeDown() throws Exception {
        Random random = new Random(SEED + 1);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < RAW_FRAMES; i++) {
            FuzzRequests.Frame broken = FuzzRequests.brokenFrame(random);
            byte[] frame = broken.bytes();
            try (RawHttp raw = new RawHttp(node.httpPort())) {
                raw.write(frame);
                String answer = raw.readUntilClosedOrFirstResponse();
                int status = RawHttp.status(answer);
                boolean right = status >= 400 && status < 500 && answer.contains(Problem.CONTENT_TYPE)
                        || broken.unknownVersion() && status == 501
                        || broken.mayCloseUnanswered() && answer.isEmpty();
                if (!right) {
                    wrong.add(status + " " + FuzzRequests.printable(answer.getBytes(StandardCharsets.ISO_8859_1))
                            + " <- " + FuzzRequests.printable(frame));
                }
            }
        }
        assertThat(wrong).as("frames answered wrongly").isEmpty();
        assertTheNodeStillTakesAnAlert("after-raw");
    }

    private static void assertTheNodeStillTakesAnAlert(String alertId) {
        DeviceClient client = new DeviceClient(node);
        HttpResponse<String> ok = client.send("demo-0099", DeviceClient.alert(alertId, "demo-0099", "FALL").encode());
        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(new DeviceClient(node.managementPort()).get("/health/ready").statusCode()).isEqualTo(200);
    }

    /** Null when the answer is right for what was sent, else what is wrong with it. */
    private static String check(FuzzRequests.Fuzzed fuzzed) {
        HttpRequest request;
        try {
            request = fuzzed.toRequest(base);
        } catch (IllegalArgumentException notSendable) {
            // The JDK client refuses to send it (e.g. a control character in a header); send a plain GET instead.
            request = HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents/INC-" + fuzzed.hashCode())).build();
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "no answer (" + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        int status = response.statusCode();
        if (status >= 500) {
            return "status " + status + " " + response.body();
        }
        if (status >= 400 && !"HEAD".equals(request.method())) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith(Problem.CONTENT_TYPE)) {
                return "status " + status + " without a problem body (" + type + ")";
            }
            JsonObject problem = new JsonObject(response.body());
            if (problem.getInteger("status") != status || problem.getString("type") == null) {
                return "problem body does not match its status: " + response.body();
            }
        }
        return null;
    }

    static String sign(String deviceId, String timestamp, String body) {
        return DeviceSignature.sign(DeviceClient.demoSecret(deviceId), timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    static String now() {
        return Long.toString(Instant.now().toEpochMilli());
    }
}
