package org.sahaya.loadtest.alerts;

import org.sahaya.core.subscriber.DeviceSignature;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.alert.AlertType;
import org.sahaya.loadtest.run.Endpoint;

/** The alerts as a node receives them, and the incident check against a node that lost one. */
class AlertTargetTest {

    private record Received(JsonObject headers, byte[] body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private WebClient client;
    private Endpoint node;

    @BeforeEach
    void startFakeNode() throws Exception {
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().startsWith("/api/v1/incidents/")) {
                boolean lost = request.path().endsWith("inc-lost");
                request.response().setStatusCode(lost ? 404 : 200).end(lost ? "" : "{\"state\":\"RECORDED\"}");
                return;
            }
            request.body().onSuccess(body -> {
                JsonObject headers = new JsonObject();
                request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                received.add(new Received(headers, body.getBytes()));
                JsonObject alert = body.toJsonObject();
                request.response().setStatusCode(202).end(new JsonObject().put("alertId", alert.getString("alertId"))
                        .put("incidentId", "inc-" + alert.getString("alertId")).put("status", "RECORDED").encode());
            });
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        node = new Endpoint("127.0.0.1", server.actualPort());
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void sendsContractShapedAlertsSignedByTheirDevice() throws Exception {
        TrafficMix mix = new TrafficMix(TrafficMix.DEMO_DEVICES, 1);
        AlertTarget target = new AlertTarget(client, node, "lt-run1", mix, IncidentSample.none(), Duration.ofSeconds(5));

        int status = await(target.send(42).toCompletionStage().toCompletableFuture());

        assertThat(status).isEqualTo(202);
        Received r = received.getFirst();
        JsonObject alert = new JsonObject(new String(r.body()));
        TrafficMix.Planned planned = mix.alert(42);
        assertThat(alert.getString("alertId")).isEqualTo("lt-run1-42").matches("^[A-Za-z0-9._:-]+$");
        assertThat(alert.getString("deviceId")).isEqualTo(planned.deviceId());
        assertThat(alert.getString("type")).isEqualTo(planned.type().name());
        assertThat(OffsetDateTime.parse(alert.getString("occurredAt")).getOffset().getTotalSeconds()).isEqualTo(19_800);
        assertThat(r.headers().getString("x-device-id")).isEqualTo(planned.deviceId());
        assertThat(r.headers().getString("x-signature"))
                .isEqualTo(DeviceSignature.sign(planned.secret(), r.headers().getString("x-timestamp"), r.body()));
        assertThat(Math.abs(Long.parseLong(r.headers().getString("x-timestamp")) - System.currentTimeMillis()))
                .isLessThan(60_000);
    }

    @Test
    void notesEveryNthAcceptedIncidentAndFindsTheOnesTheNodeLost() throws Exception {
        IncidentSample sample = new IncidentSample(2, 3);
        AlertTarget target = new AlertTarget(client, node, "lt-run2", new TrafficMix(550, 1), sample,
                Duration.ofSeconds(5));
        for (long i = 0; i < 10; i++) {
            await(target.send(i).toCompletionStage().toCompletableFuture());
        }

        assertThat(sample.entries()).extracting(IncidentSample.Entry::incidentId)
                .containsExactly("inc-lt-run2-0", "inc-lt-run2-2", "inc-lt-run2-4");

        List<IncidentSample.Entry> withALostOne = new ArrayList<>(sample.entries());
        withALostOne.add(new IncidentSample.Entry(99, AlertType.FALL, "inc-lost"));
        IncidentCheck.Result check = await(IncidentCheck.run(client, node, withALostOne, Duration.ofSeconds(5))
                .toCompletionStage().toCompletableFuture());

        assertThat(check.checked()).isEqualTo(4);
        assertThat(check.found()).isEqualTo(3);
        assertThat(check.holds()).isFalse();
        assertThat(check.missing()).containsEntry("inc-lost", "http 404");
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }
}
