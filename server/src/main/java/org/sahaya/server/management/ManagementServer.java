package org.sahaya.server.management;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.sahaya.core.config.ManagementSettings;
import org.sahaya.server.tls.ListenerTls;

/**
 * The node's own operations on a port of their own ({@code SAHAYA_MANAGEMENT_PORT}, loopback by
 * default): {@code GET /health/live}, {@code GET /health/ready} and the Prometheus scrape
 * {@code GET /metrics}. They tell how busy the node is and which of its parts fail, which is for the
 * operator's monitoring, not the public port; so they are not in the public contract.
 */
public final class ManagementServer {

    private ManagementServer() {
    }

    /** Listens on the management host and port; plain unless {@code SAHAYA_MANAGEMENT_TLS} is on. */
    public static Future<HttpServer> listen(Vertx vertx, ManagementSettings settings, ListenerTls tls,
                                            HealthChecks live, HealthChecks ready, PrometheusMeterRegistry registry) {
        Router router = Router.router(vertx);
        router.get("/health/live").handler(HealthCheckHandler.createWithHealthChecks(live));
        router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(ready));
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
        // HTTP/1.1 only, as on the public port: monitoring speaks it, and no cleartext HTTP/2 upgrade to offer.
        HttpServerOptions options = new HttpServerOptions().setHost(settings.host()).setPort(settings.port())
                .setHttp2ClearTextEnabled(false);
        if (settings.tls()) {
            tls.apply(options);
        }
        return vertx.createHttpServer(options).requestHandler(router).listen()
                .recover(e -> Future.failedFuture(new IllegalStateException("the management port (SAHAYA_MANAGEMENT_HOST "
                        + settings.host() + ", SAHAYA_MANAGEMENT_PORT " + settings.port() + ") cannot listen: "
                        + e.getMessage(), e)));
    }
}
