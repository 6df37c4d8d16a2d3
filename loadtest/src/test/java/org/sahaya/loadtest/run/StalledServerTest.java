package org.sahaya.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real, slow HTTP server, over one connection: the client cannot send while the
 * connection is busy, which is exactly where a closed-loop tool stops counting (coordinated
 * omission). Each answer takes 20 ms; 30 requests are intended 5 ms apart.
 */
class StalledServerTest {

    private static final long SERVICE_MILLIS = 20;

    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void startSlowServer() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .requestHandler(request -> vertx.setTimer(SERVICE_MILLIS,
                        t -> request.response().setStatusCode(202).end()))
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void recordedLatenciesIncludeTheTimeRequestsWaitedBehindTheStalledServer() {
        WebClient oneConnection = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(1));
        Target target = sequence -> oneConnection.get(server.actualPort(), "127.0.0.1", "/")
                .send().map(HttpResponse::statusCode);
        Schedule thirtyRequests = new Schedule(200, Duration.ZERO, Duration.ofMillis(150));

        RunResult result = new OpenLoopRun(thirtyRequests, target, 100, Duration.ofSeconds(10), Ticker.system())
                .run("slow");

        // Served one by one, the 30th answer comes about 30 × 20 ms after the start, ~455 ms after
        // it was intended. Timed from the actual send, every request would look like 20 ms.
        assertThat(result.ok()).isEqualTo(30);
        assertThat(result.latency().maxMs()).isGreaterThan(400);
        assertThat(result.latency().p50Ms()).isGreaterThan(150);
        assertThat(result.latencyMicros().getMinValue()).isGreaterThanOrEqualTo(
                TimeUnit.MILLISECONDS.toMicros(SERVICE_MILLIS) - 1000);
    }
}
