package org.sahaya.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/**
 * Routine traffic can never starve an alert's acknowledgement: with every connection of the main
 * pool held (as a flood of positions and outbox work would) and a flood of heartbeats waiting on
 * it, an SOS is still authenticated, stored and answered 202 through the alert lane, and the
 * heartbeats beyond the routine lane are refused with 503 at once instead of queueing. The pool and
 * the lane have the sizes the node is configured with ({@code SAHAYA_DB_POOL},
 * {@code SAHAYA_ROUTINE_IN_FLIGHT}): exactly as many heartbeats as the lane holds wait, the rest are refused.
 */
class AlertsBeforeRoutineTest {

    private static final int HEARTBEATS = 30;

    @TempDir
    Path data;

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void anSosIsAcknowledgedAndStoredWhileRoutineTrafficHoldsTheMainPool(Map<String, String> settings, int mainPool,
                                                                        int routineInFlight) throws Exception {
        try (Node node = Node.start(TestNode.config(data, true, settings), Clock.systemUTC());
             var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(node.config().dbPools().main()).isEqualTo(mainPool);
            assertThat(node.config().routineInFlight()).isEqualTo(routineInFlight);
            DeviceClient client = new DeviceClient(node);
            CountDownLatch holding = new CountDownLatch(mainPool);
            CountDownLatch release = new CountDownLatch(1);
            List<CompletableFuture<Void>> hogs = new ArrayList<>();
            for (int i = 0; i < mainPool; i++) {
                hogs.add(CompletableFuture.runAsync(() -> node.database().withConnection(c -> {
                    holding.countDown();
                    awaitQuietly(release);
                    return null;
                }), threads));
            }
            List<CompletableFuture<HttpResponse<String>>> heartbeats = new ArrayList<>();
            HttpResponse<String> sos;
            try {
                assertThat(holding.await(30, TimeUnit.SECONDS)).as("every main connection held").isTrue();
                for (int i = 0; i < HEARTBEATS; i++) {
                    String device = String.format("demo-%04d", 200 + i);
                    heartbeats.add(CompletableFuture.supplyAsync(() -> client.heartbeat(device, device, ""), threads));
                }
                // Those beyond the routine lane are refused at once, while the lane's own wait on the pool.
                await().atMost(Duration.ofSeconds(20)).until(() ->
                        heartbeats.stream().filter(CompletableFuture::isDone).count() >= HEARTBEATS - routineInFlight);

                sos = client.send("demo-0061", DeviceClient.alert("lane-sos-61", "demo-0061", "SOS").encode());
            } finally {
                release.countDown();
            }

            assertThat(sos.statusCode()).isEqualTo(202);
            CompletableFuture.allOf(hogs.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            CompletableFuture.allOf(heartbeats.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            List<HttpResponse<String>> refused = heartbeats.stream().map(CompletableFuture::join)
                    .filter(r -> r.statusCode() == 503).toList();
            // every main connection was held: the lane's heartbeats waited for one, each other was refused
            assertThat(refused).hasSize(HEARTBEATS - routineInFlight).allSatisfy(r -> {
                assertThat(r.headers().firstValue("Retry-After")).contains("1");
                assertThat(new JsonObject(r.body()).getString("type")).isEqualTo("urn:sahaya:problem:busy");
            });
            assertThat(heartbeats.stream().map(CompletableFuture::join).map(HttpResponse::statusCode))
                    .allSatisfy(status -> assertThat(status).isIn(204, 503));
            assertThat(TestNode.storedAlert(node, "demo-0061", "lane-sos-61")).isPresent();
        }
    }

    /** The defaults (a main pool of 16, 8 routine requests at once), and a smaller configured pool and lane. */
    static Stream<Arguments> sizes() {
        return Stream.of(Arguments.of(Map.of(), 16, 8),
                Arguments.of(Map.of("SAHAYA_DB_POOL", "6", "SAHAYA_ROUTINE_IN_FLIGHT", "3"), 6, 3));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
