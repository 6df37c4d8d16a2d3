package org.sahaya.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.subscriber.Device;
import org.sahaya.dispatch.workflow.AlertReception;
import org.sahaya.dispatch.workflow.DispatchDesk;
import org.sahaya.notify.channel.sandbox.SandboxInbox;
import org.sahaya.server.device.DeviceHealth;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.server.http.AlertHandler;
import org.sahaya.server.http.ApiKeyHandler;
import org.sahaya.server.http.CoordinatorHandlers;
import org.sahaya.server.http.DeviceAdmission;
import org.sahaya.server.http.DeviceSignatureHandler;
import org.sahaya.server.http.GuardedHttpServer;
import org.sahaya.server.http.HeartbeatHandler;
import org.sahaya.server.http.HttpApi;
import org.sahaya.server.http.PartnerHandlers;
import org.sahaya.server.http.QueryHandlers;
import org.sahaya.server.http.RoutineLane;
import org.sahaya.server.incident.IncidentViews;
import org.sahaya.server.webhook.FamilyHandlers;

/** The HTTP API of a node: every route's handler over the node's services, behind the guarded server. */
final class ApiWiring {

    private ApiWiring() {
    }

    /** The services the routes hand their work to. */
    record Services(AlertReception reception, DispatchDesk desk, FamilyHandlers family, DeviceHealth deviceHealth,
                    DeviceRateLimit rateLimit, PrometheusMeterRegistry registry) {
    }

    /** Starts the HTTP server on {@code SAHAYA_HTTP_PORT}. Blocking until it listens. */
    static HttpServer listen(SahayaConfig config, Vertx vertx, Database database, Grid grid, Offload offload,
                             Services services, Clock clock) throws Exception {
        DirectoryRepository directory = new DirectoryRepository();
        // Alerts find their device through the alert lane: routine traffic holding every main
        // connection must not keep an alert from being authenticated.
        DeviceSignatureHandler signature = new DeviceSignatureHandler(
                id -> offload.<Optional<Device>>submit(() -> database.alerts().withConnection(c -> directory.device(c, id))),
                clock, config.replayWindow(), config.demo());
        DeviceSignatureHandler routineSignature = new DeviceSignatureHandler(
                id -> offload.<Optional<Device>>submit(() -> database.withConnection(c -> directory.device(c, id))),
                clock, config.replayWindow(), config.demo());
        HttpApi.Handlers handlers = new HttpApi.Handlers(signature, routineSignature, new RoutineLane(config.routineInFlight()),
                new AlertHandler(services.reception()),
                new QueryHandlers(new IncidentViews(database, grid, clock), new SandboxInbox(database), offload),
                HealthCheckHandler.createWithHealthChecks(NodeHealth.liveness(vertx)),
                HealthCheckHandler.createWithHealthChecks(NodeHealth.readiness(vertx, database, grid, offload)),
                PrometheusScrapingHandler.create(services.registry()),
                services.family(),
                new DeviceAdmission(services.deviceHealth(), services.rateLimit(), config.devices().ratePerSecond()),
                new HeartbeatHandler(services.deviceHealth()),
                new ApiKeyHandler(config.apiKeys(), config.demo()), new PartnerHandlers(services.desk(), offload),
                new CoordinatorHandlers(services.desk(), new IncidentViews(database, grid, clock), offload));
        return HttpApi.router(vertx, handlers, config.maxAlertBytes(), clock)
                .compose(router -> GuardedHttpServer.create(vertx, config.httpLimits(), router).listen(config.httpPort()))
                .await(60, TimeUnit.SECONDS);
    }
}
