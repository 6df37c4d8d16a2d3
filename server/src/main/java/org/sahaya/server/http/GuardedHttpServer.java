package org.sahaya.server.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.config.HttpLimits;
import org.sahaya.core.config.TlsSettings;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.tls.ListenerTls;

/**
 * The HTTP server with limits on what a client may cost us. Netty's idle timeout closes a connection
 * on which nothing moves (half-open TCP, and keep-alive connections left unused). A slowloris client
 * keeps something moving, so there is also a request deadline: a new connection must deliver its
 * first request's headers within it, and every request its body; a slow body is answered 408 and the
 * connection closed, slow first headers are simply closed. Between two requests of a keep-alive
 * connection only the idle timeout applies, so that a client reusing its pooled connection is not
 * raced by our close. Time the node itself spends on a fully received request (persisting an
 * alert) never counts against the client. A request whose HTTP framing is broken gets a problem
 * too (400, or 414 / 431 for an over-long line or headers), and the connection is closed.
 */
public final class GuardedHttpServer {

    private final Vertx vertx;
    private final long timeoutMillis;
    private final Map<HttpConnection, Watch> watches = new ConcurrentHashMap<>();

    private GuardedHttpServer(Vertx vertx, long timeoutMillis) {
        this.vertx = vertx;
        this.timeoutMillis = timeoutMillis;
    }

    /** A server with {@code limits} applied, answering with {@code app}; call {@code listen} on it. */
    public static HttpServer create(Vertx vertx, HttpLimits limits, Handler<HttpServerRequest> app) {
        return create(vertx, limits, app, new ListenerTls(TlsSettings.none()));
    }

    /** As {@link #create(Vertx, HttpLimits, Handler)}, speaking TLS when {@code tls} has a certificate. */
    public static HttpServer create(Vertx vertx, HttpLimits limits, Handler<HttpServerRequest> app, ListenerTls tls) {
        HttpServerOptions options = tls.apply(new HttpServerOptions())
                .setIdleTimeout((int) limits.idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxHeaderSize(limits.maxHeaderBytes())
                .setMaxInitialLineLength(4096)
                // Devices speak HTTP/1.1. Sniffing for cleartext HTTP/2 would hide a connection from
                // the deadline until its first bytes arrive, so a silent one would never be watched.
                .setHttp2ClearTextEnabled(false);
        GuardedHttpServer deadlines = new GuardedHttpServer(vertx, limits.requestTimeout().toMillis());
        return vertx.createHttpServer(options)
                .connectionHandler(deadlines::opened)
                .invalidRequestHandler(GuardedHttpServer::invalid)
                .requestHandler(request -> {
                    deadlines.started(request);
                    app.handle(request);
                });
    }

    /** Vert.x closes the connection once this answer is sent. */
    private static void invalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        Problem problem = cause instanceof TooLongHttpLineException
                ? Problem.of(414, "uri-too-long", "URI too long", "the request line must be at most 4096 bytes")
                : cause instanceof TooLongHttpHeaderException
                ? Problem.of(431, "headers-too-large", "Request headers too large", "the headers are larger than allowed")
                : Problem.of(400, "malformed-http", "Malformed HTTP request", "the request is not well-formed HTTP/1.1");
        request.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.CONTENT_TYPE)
                .putHeader("Connection", "close").end(problem.toJson(null).encode());
    }

    private void opened(HttpConnection connection) {
        Watch watch = new Watch(connection);
        watches.put(connection, watch);
        connection.closeHandler(v -> {
            watches.remove(connection);
            if (watch.timer >= 0) {
                vertx.cancelTimer(watch.timer);
            }
        });
        watch.arm(timeoutMillis);
    }

    private void started(HttpServerRequest request) {
        Watch watch = watches.get(request.connection());
        if (watch == null) {
            return;
        }
        watch.current = request;
        watch.since = System.nanoTime();
        if (watch.timer < 0) {
            watch.arm(timeoutMillis);
        }
        request.response().endHandler(v -> {
            if (watch.current == request) {
                watch.current = null;
                watch.served = true;
                watch.since = System.nanoTime();
            }
        });
    }

    /** One connection's deadline. Touched only on the connection's event loop. */
    private final class Watch {
        private final HttpConnection connection;
        private HttpServerRequest current;
        private long since = System.nanoTime();
        private boolean served;
        private long timer = -1;

        Watch(HttpConnection connection) {
            this.connection = connection;
        }

        void arm(long delayMillis) {
            timer = vertx.setTimer(Math.max(1, delayMillis), t -> check());
        }

        private void check() {
            timer = -1;
            if (current != null && current.response().ended()) {
                // Also when a later handler replaced our end handler: the answer is out.
                current = null;
                served = true;
            }
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
            HttpServerRequest request = current;
            if (request == null && served) {
                return; // between keep-alive requests: the idle timeout's business; re-armed by the next request
            }
            if (request != null && request.isEnded()) {
                arm(timeoutMillis); // the node is working on a whole request: not the client's time
            } else if (waited < timeoutMillis) {
                arm(timeoutMillis - waited);
            } else if (request != null && !request.response().headWritten()) {
                request.response().putHeader("Connection", "close");
                Problem problem = Problem.of(408, "request-timeout", "Request timeout",
                        "the request was not received within " + timeoutMillis + " ms");
                request.response().setStatusCode(408).putHeader("Content-Type", Problem.CONTENT_TYPE)
                        .end(problem.toJson(request.path()).encode())
                        .onComplete(done -> connection.close());
            } else {
                connection.close();
            }
        }
    }
}
