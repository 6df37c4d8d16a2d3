package org.sahaya.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.subscriber.Device;
import org.sahaya.dispatch.workflow.AlertReception;
import org.sahaya.dispatch.workflow.DispatchDesk;
import org.sahaya.notify.channel.sandbox.SandboxInbox;
import org.sahaya.server.device.DeviceHealth;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.server.http.ApiKeyHandler;
import org.sahaya.server.http.GuardedHttpServer;
import org.sahaya.server.http.HealthRoutes;
import org.sahaya.server.http.HttpApi;
import org.sahaya.server.http.PartnerKeys;
import org.sahaya.server.http.RouteTable;
import org.sahaya.server.http.RoutineLane;
import org.sahaya.server.http.alert.AlertHandler;
import org.sahaya.server.http.alert.AlertRoutes;
import org.sahaya.server.http.coordinator.CoordinatorHandlers;
import org.sahaya.server.http.coordinator.CoordinatorRoutes;
import org.sahaya.server.http.device.DeviceAdmission;
import org.sahaya.server.http.device.DeviceRoutes;
import org.sahaya.server.http.device.DeviceSignatureHandler;
import org.sahaya.server.http.device.HeartbeatHandler;
import org.sahaya.server.http.fleet.FleetHandlers;
import org.sahaya.server.http.fleet.FleetRoutes;
import org.sahaya.server.http.hospital.HospitalHandlers;
import org.sahaya.server.http.hospital.HospitalRoutes;
import org.sahaya.server.http.incident.IncidentRoutes;
import org.sahaya.server.http.incident.QueryHandlers;
import org.sahaya.server.incident.IncidentViews;

/** The HTTP API of a node: each feature's route table over the node's services, behind the guarded server. */
final class ApiWiring {

    private ApiWiring() {
    }

    /**
     * The services the routes hand their work to.
     *
     * @param family the family side's route tables (webhooks, acknowledgements, contacts)
     */
    record Services(AlertReception reception, DispatchDesk desk, List<RouteTable> family, DeviceHealth deviceHealth,
                    DeviceRateLimit rateLimit, PrometheusMeterRegistry registry,
                    SecretBox secrets) {
    }

    /** Starts the HTTP server on {@code SAHAYA_HTTP_PORT}. Blocking until it listens. */
    static HttpServer listen(SahayaConfig config, Vertx vertx, Database database, Grid grid, Offload offload,
                             Services services, Clock clock) throws Exception {
        DirectoryRepository directory = new DirectoryRepository();
        // Alerts find their device through the alert lane: routine traffic holding every main
        // connection must not keep an alert from being authenticated.
        DeviceSignatureHandler signature = new DeviceSignatureHandler(
                id -> offload.<Optional<Device>>submit(() -> database.alerts().withConnection(c -> directory.device(c, id))
                        .map(services.secrets()::open)),
                clock, config.replayWindow(), config.demo());
        DeviceSignatureHandler routineSignature = new DeviceSignatureHandler(
                id -> offload.<Optional<Device>>submit(() -> database.withConnection(c -> directory.device(c, id))
                        .map(services.secrets()::open)),
                clock, config.replayWindow(), config.demo());
        RoutineLane routine = new RoutineLane(config.routineInFlight());
        DeviceAdmission admission = new DeviceAdmission(services.deviceHealth(), services.rateLimit(),
                config.devices().ratePerSecond());
        ApiKeyHandler apiKeys = new ApiKeyHandler(new PartnerKeys(config.apiKeys(), config.demo()));
        List<RouteTable> tables = new ArrayList<>(List.of(
                new AlertRoutes(signature, admission, new AlertHandler(services.reception())),
                new DeviceRoutes(routine, routineSignature, admission, new HeartbeatHandler(services.deviceHealth())),
                new IncidentRoutes(new QueryHandlers(new IncidentViews(database, grid, clock), new SandboxInbox(database),
                        offload)),
                new FleetRoutes(routine, apiKeys, new FleetHandlers(services.desk(), offload)),
                new HospitalRoutes(routine, apiKeys, new HospitalHandlers(services.desk(), offload)),
                new CoordinatorRoutes(apiKeys, new CoordinatorHandlers(services.desk(),
                        new IncidentViews(database, grid, clock), offload)),
                new HealthRoutes(HealthCheckHandler.createWithHealthChecks(NodeHealth.liveness(vertx)),
                        HealthCheckHandler.createWithHealthChecks(NodeHealth.readiness(vertx, database, grid, offload)),
                        PrometheusScrapingHandler.create(services.registry()))));
        tables.addAll(services.family());
        return HttpApi.router(vertx, tables, config.maxAlertBytes(), clock)
                .compose(router -> GuardedHttpServer.create(vertx, config.httpLimits(), router).listen(config.httpPort()))
                .await(60, TimeUnit.SECONDS);
    }
}
