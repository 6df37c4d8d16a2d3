package org.sahaya.loadtest.baseline;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import org.sahaya.loadtest.run.Endpoint;

/**
 * The floor under our numbers: a bare Vert.x HTTP server on loopback that reads the request body
 * and answers 202 with a body of the node's shape, doing no work. Measured at the same rate, from
 * the same generator, on the same machine at about the same time, it shows what the machine,
 * the kernel's loopback and the generator cost by themselves, so the node's latency can be read
 * as a ratio to it. It runs on its own Vert.x instance (default event loops), so it does not
 * share threads with the generator's client.
 */
public final class BaselineServer implements AutoCloseable {

    private static final String ANSWER = "{\"alertId\":\"baseline\",\"incidentId\":\"baseline\",\"status\":\"RECORDED\"}";

    private final Vertx vertx;
    private final HttpServer server;

    private BaselineServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Starts on 127.0.0.1, on a free port. */
    public static Future<BaselineServer> start() {
        Vertx vertx = Vertx.vertx();
        return vertx.createHttpServer()
                .requestHandler(BaselineServer::answer)
                .listen(0, "127.0.0.1")
                .map(server -> new BaselineServer(vertx, server))
                .onFailure(e -> vertx.close());
    }

    private static void answer(HttpServerRequest request) {
        request.body().onComplete(body -> request.response()
                .setStatusCode(202)
                .putHeader("Content-Type", "application/json")
                .end(ANSWER));
    }

    public Endpoint endpoint() {
        return new Endpoint("127.0.0.1", server.actualPort());
    }

    @Override
    public void close() {
        vertx.close();
    }
}
