package org.sahaya.loadtest.city;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.atomic.AtomicLong;
import org.sahaya.loadtest.run.Endpoint;

/**
 * The fleets' own systems during a city run (issue 17): a bare Vert.x HTTP server on loopback, on its own
 * Vert.x instance, that reads each job the node delivers and answers 200 at once, so that the node's
 * {@code job_handed} stage measures the node (decided → handed), not a slow receiver. It counts what it got;
 * signatures are the node tests' business.
 */
public final class FleetWebhookSink implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;
    private final AtomicLong received;

    private FleetWebhookSink(Vertx vertx, HttpServer server, AtomicLong received) {
        this.vertx = vertx;
        this.server = server;
        this.received = received;
    }

    /** Starts on 127.0.0.1, on a free port. */
    public static Future<FleetWebhookSink> start() {
        Vertx vertx = Vertx.vertx();
        AtomicLong received = new AtomicLong();
        return vertx.createHttpServer()
                .requestHandler(request -> answer(request, received))
                .listen(0, "127.0.0.1")
                .map(server -> new FleetWebhookSink(vertx, server, received))
                .onFailure(e -> vertx.close());
    }

    private static void answer(HttpServerRequest request, AtomicLong received) {
        request.body().onComplete(body -> {
            received.incrementAndGet();
            request.response().setStatusCode(200).end();
        });
    }

    /** Where fleet {@code fleetId}'s webhook points. */
    public String url(String fleetId) {
        return "http://127.0.0.1:" + server.actualPort() + "/fleets/" + fleetId + "/jobs";
    }

    public Endpoint endpoint() {
        return new Endpoint("127.0.0.1", server.actualPort());
    }

    /** Deliveries received so far. */
    public long received() {
        return received.get();
    }

    @Override
    public void close() {
        vertx.close();
    }
}
