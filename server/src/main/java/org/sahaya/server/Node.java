package org.sahaya.server;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.Ids;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.metrics.StageTimers;
import org.sahaya.core.node.Offload;
import org.sahaya.core.node.VertxBootstrap;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.subscriber.Device;
import org.sahaya.dispatch.Dispatcher;
import org.sahaya.dispatch.claims.GridBedClaims;
import org.sahaya.dispatch.claims.GridUnitClaims;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.intake.AlertIntake;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.dispatch.triage.Triage;
import org.sahaya.geo.eta.DetourEtaModel;
import org.sahaya.notify.FamilyNotifier;
import org.sahaya.notify.channel.sandbox.SandboxChannel;
import org.sahaya.notify.channel.sandbox.SandboxInbox;
import org.sahaya.server.demo.DemoCity;
import org.sahaya.server.demo.DemoSeeder;
import org.sahaya.server.device.DeviceActivity;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.server.gateway.AlertPayload;
import org.sahaya.server.gateway.mqtt.DeviceAuthenticator;
import org.sahaya.server.gateway.mqtt.MqttCounters;
import org.sahaya.server.gateway.mqtt.MqttGateway;
import org.sahaya.server.http.AlertHandler;
import org.sahaya.server.http.DeviceSignatureHandler;
import org.sahaya.server.http.HttpApi;
import org.sahaya.server.http.QueryHandlers;
import org.sahaya.server.incident.IncidentViews;
import org.sahaya.server.pipeline.AlertReception;
import org.sahaya.server.pipeline.FamilyUpdates;
import org.sahaya.server.pipeline.IncidentWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Sahaya node: the database, a grid member, Vert.x with the HTTP API, and the services
 * of the hot path wired together. {@link #start} blocks until the node listens; call it from a
 * plain thread (main, a test), never an event loop.
 */
public final class Node implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Node.class);
    private static final ZoneId CITY = ZoneId.of("Asia/Kolkata");

    private final SahayaConfig config;
    private final Database database;
    private final Grid grid;
    private final Vertx vertx;
    private final Offload offload;
    private final FleetIndex fleet;
    private final HttpServer http;
    private MqttGateway mqtt;

    private Node(SahayaConfig config, Database database, Grid grid, Vertx vertx, Offload offload, FleetIndex fleet,
                 HttpServer http) {
        this.config = config;
        this.database = database;
        this.grid = grid;
        this.vertx = vertx;
        this.offload = offload;
        this.fleet = fleet;
        this.http = http;
    }

    public static Node start(SahayaConfig config, Clock clock) throws Exception {
        Files.createDirectories(config.dataDir());
        Database database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword());
        if (config.demo() && new DemoSeeder().seedIfEmpty(database, DemoCity.generate(DemoCity.DEFAULT_SEED))) {
            LOG.info("Seeded the demo city (Bengaluru, seed {})", DemoCity.DEFAULT_SEED);
        }
        Grid grid = Grid.start(database, config.clusterName(), config.memberPort(), config.clusterMembers());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = VertxBootstrap.create(registry, config.maxEventLoopMillis());
        Offload offload = new Offload();
        StageTimers timers = new StageTimers(registry);

        FleetIndex fleet = new FleetIndex(grid.units());
        Dispatcher dispatcher = new Dispatcher(grid, fleet, new GridUnitClaims(grid.units(), clock),
                new GridBedClaims(grid.hospitals()), DispatchPolicy.defaults(), DetourEtaModel.bengaluru(), database,
                clock, CITY);
        Ids ids = new Ids(clock);
        FamilyNotifier notifier = new FamilyNotifier(database,
                Map.of(Channel.SANDBOX, new SandboxChannel(database, clock)), clock, () -> ids.next("NTF"));
        IncidentWorkflow workflow = new IncidentWorkflow(vertx, dispatcher,
                new FamilyUpdates(notifier, database, grid, Channel.SANDBOX), database, timers, offload, clock,
                config::verificationWindow);
        AlertReception reception = new AlertReception(
                new AlertIntake(database, grid, new Triage(config::verificationWindow), clock), offload, timers, workflow, clock);

        DirectoryRepository directory = new DirectoryRepository();
        DeviceSignatureHandler signature = new DeviceSignatureHandler(
                id -> offload.<Optional<Device>>submit(() -> database.withConnection(c -> directory.device(c, id))),
                clock, config.replayWindow(), config.demo());
        HttpApi.Handlers handlers = new HttpApi.Handlers(signature, new AlertHandler(reception),
                new QueryHandlers(new IncidentViews(database, grid, clock), new SandboxInbox(database), offload),
                HealthCheckHandler.createWithHealthChecks(HealthChecks.create(vertx)
                        .register("process", promise -> promise.complete(Status.OK()))),
                HealthCheckHandler.createWithHealthChecks(readiness(vertx, database, grid, offload)),
                PrometheusScrapingHandler.create(registry));
        HttpServer http = HttpApi.router(vertx, handlers, config.maxAlertBytes(), clock)
                .compose(router -> vertx.createHttpServer().requestHandler(router).listen(config.httpPort()))
                .await(60, TimeUnit.SECONDS);
        Node node = new Node(config, database, grid, vertx, offload, fleet, http);
        DeviceRateLimit rateLimit = new DeviceRateLimit(config.deviceRate().perSecond(), config.deviceRate().burst(), clock);
        // Built here, on the starting thread, not in a future's callback: the first use of the schema and MQTT
        // classes is slow on a cold JVM and must not land on an event loop.
        AlertPayload payload = AlertPayload.load(vertx);
        node.mqtt = MqttGateway.start(vertx, config.mqttPort(), config.mqtt(), config.maxAlertBytes(),
                        new MqttGateway.Services(payload, reception, rateLimit,
                                new DeviceAuthenticator(id -> offload.<Optional<Device>>submit(
                                        () -> database.withConnection(c -> directory.device(c, id))), config.demo()),
                                DeviceActivity.NONE, new MqttCounters(registry)),
                        clock)
                .await(60, TimeUnit.SECONDS);
        offload.execute(() -> {
            try {
                workflow.recover();
            } catch (RuntimeException e) {
                LOG.error("Recovery of open incidents failed", e);
            }
        });
        return node;
    }

    private static HealthChecks readiness(Vertx vertx, Database database, Grid grid, Offload offload) {
        return HealthChecks.create(vertx)
                .register("database", 2000, promise -> offload.submit(() -> database.withConnection(c -> c.isValid(1)))
                        .onComplete(r -> promise.complete(r.succeeded() && r.result() ? Status.OK() : Status.KO())))
                .register("grid", promise -> promise.complete(grid.isRunning() ? Status.OK() : Status.KO()));
    }

    public int httpPort() {
        return http.actualPort();
    }

    public int mqttPort() {
        return mqtt.port();
    }

    /** The one line operators and scripts read to find the node. Gateways not yet built are "off". */
    public String listeningLine() {
        return "sahaya listening http=" + httpPort() + " mqtt=" + mqttPort() + " dc09=off";
    }

    public SahayaConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public Grid grid() {
        return grid;
    }

    public FleetIndex fleet() {
        return fleet;
    }

    @Override
    public void close() {
        try {
            Future.succeededFuture()
                    .compose(v -> mqtt == null ? Future.succeededFuture() : mqtt.close())
                    .compose(v -> http.close())
                    .compose(v -> vertx.close())
                    .await(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("Vert.x did not stop within 30 s; closing the rest anyway");
        }
        offload.close();
        fleet.close();
        grid.close();
        database.close();
    }

}
