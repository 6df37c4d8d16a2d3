package org.sahaya.loadtest.city;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sahaya.loadtest.run.Endpoint;

/**
 * The city run's fleet webhooks against a stand-in admin API on a real socket: every fleet (not the hospitals)
 * is pointed at the sink, which answers 200 to what is posted to it and counts it.
 */
class FleetWebhooksTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        vertx.close();
    }

    @Test
    void everyFleetIsPointedAtTheSinkWhichTakesItsJobs() throws Exception {
        Map<String, JsonObject> set = new ConcurrentHashMap<>();
        int port = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (request.method().name().equals("GET") && request.path().equals("/api/v1/partners")) {
                request.response().putHeader("Content-Type", "application/json").end(new JsonArray()
                        .add(new JsonObject().put("id", "FLEET-1").put("kind", "FLEET"))
                        .add(new JsonObject().put("id", "FLEET-2").put("kind", "FLEET"))
                        .add(new JsonObject().put("id", "H-01").put("kind", "HOSPITAL")).encode());
            } else if (request.method().name().equals("PUT") && request.path().endsWith("/webhook")) {
                set.put(request.path().split("/")[4], body.toJsonObject());
                request.response().setStatusCode(200).end("{}");
            } else {
                request.response().setStatusCode(404).end();
            }
        })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
        WebClient client = WebClient.create(vertx);
        try (FleetWebhookSink sink = FleetWebhookSink.start().await(10, TimeUnit.SECONDS)) {
            List<String> fleets = FleetWebhooks.point(client, new Endpoint("127.0.0.1", port), sink, Duration.ofSeconds(5))
                    .await(10, TimeUnit.SECONDS);

            assertThat(fleets).containsExactly("FLEET-1", "FLEET-2");
            assertThat(set).containsOnlyKeys("FLEET-1", "FLEET-2");
            assertThat(set.get("FLEET-1").getString("url")).isEqualTo(sink.url("FLEET-1"));
            assertThat(set.get("FLEET-1").getString("secret")).hasSizeGreaterThanOrEqualTo(16);
            int status = client.postAbs(sink.url("FLEET-1")).sendJsonObject(new JsonObject().put("event", "JOB_OFFERED"))
                    .await(10, TimeUnit.SECONDS).statusCode();
            assertThat(status).isEqualTo(200);
            assertThat(sink.received()).isEqualTo(1);
        }
    }
}
