package org.sahaya.server;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.incident.IncidentListener;
import org.sahaya.core.metrics.StageTimers;
import org.sahaya.core.node.Offload;
import org.sahaya.core.node.VertxBootstrap;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.secret.DataDirectory;
import org.sahaya.core.secret.MasterKey;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.secret.SecretSealing;
import org.sahaya.dispatch.area.ServiceAreas;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.intake.AlertIntake;
import org.sahaya.dispatch.triage.Triage;
import org.sahaya.dispatch.workflow.AlertReception;
import org.sahaya.dispatch.workflow.IncidentPlacement;
import org.sahaya.dispatch.workflow.IncidentWorkflow;
import org.sahaya.dispatch.workflow.LoneMember;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.channel.lineup.ChannelLineup;
import org.sahaya.server.admin.privacy.Retention;
import org.sahaya.server.admin.privacy.RetentionJob;
import org.sahaya.server.audit.AuditLog;
import org.sahaya.server.cluster.ClusterPlacement;
import org.sahaya.server.cluster.IncidentOwnership;
import org.sahaya.server.cluster.OwnerRouting;
import org.sahaya.server.cluster.TakeOver;
import org.sahaya.server.demo.DemoCity;
import org.sahaya.server.demo.DemoHubAccounts;
import org.sahaya.server.demo.DemoSeeder;
import org.sahaya.server.device.DeviceActivity;
import org.sahaya.server.device.DeviceHealth;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.server.device.LowBatteryNotices;
import org.sahaya.server.gateway.dc09.Dc09Server;
import org.sahaya.server.gateway.mqtt.MqttGateway;
import org.sahaya.server.management.ManagementServer;
import org.sahaya.server.tls.ListenerTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Sahaya node: the database, a grid member, Vert.x with the HTTP API, and the services
 * of the hot path wired together. {@link #start} blocks until the node listens; call it from a
 * plain thread (main, a test), never an event loop.
 */
public final class Node implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final SahayaConfig config;
    private final Database database;
    private final Grid grid;
    private final Vertx vertx;
    private final Offload offload;
    private final FleetIndex fleet;
    private final HttpServer http;
    private Clock clock;
    private Dc09Server dc09;
    private MqttGateway mqtt;
    private DeviceHealth deviceHealth;
    private DeviceRateLimit rateLimit;
    private ChannelLineup channels;
    private TakeOver takeOver;
    private AuditLog audit;
    private HttpServer management;
    private ServiceAreas areas;
    private SecretBox secrets;
    private RetentionJob retention;

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
        return start(config, clock, Map.of());
    }

    /**
     * @param channels channel implementations beside the sandbox (tests pass recording SMS, push and
     *                 voice channels); a channel without one falls back to the sandbox
     */
    public static Node start(SahayaConfig config, Clock clock, Map<Channel, NotificationChannel> channels)
            throws Exception {
        DataDirectory.secure(config.dataDir()); // owner-only, the embedded database's files included
        MasterKey masterKey = MasterKey.load(config.masterKey(), config.dataDir(), config.demo(),
                !config.clusterMembers().isEmpty());
        Database database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPools());
        try {
            SecretSealing.run(database, masterKey); // a wrong key stops the start here, naming its setting
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        DataDirectory.secure(config.dataDir()); // the files the database just made
        SecretBox secrets = masterKey.box();
        if (config.demo() && new DemoSeeder(config.demoCity(), secrets).seedIfEmpty(database, DemoCity.generate(DemoCity.DEFAULT_SEED))) {
            LOG.info("Seeded the demo city (Bengaluru, seed {})", DemoCity.DEFAULT_SEED);
        }
        if (config.demo() && new DemoHubAccounts(secrets).seedIfMissing(database)) {
            LOG.info("Seeded the demo DC-09 accounts");
        }
        Grid grid = Grid.start(database, config.clusterName(), config.memberPort(), config.clusterMembers(),
                config.gridAccess());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Clustered Vert.x only with peers: a lone node starts as fast as before.
        Vertx vertx = grid.clustered()
                ? VertxBootstrap.createClustered(registry, config.maxEventLoopMillis(), grid.hazelcast(), config.eventBus())
                : VertxBootstrap.create(registry, config.maxEventLoopMillis());
        Offload offload = new Offload();
        StageTimers timers = new StageTimers(registry);

        DispatchWiring dispatch = DispatchWiring.of(config, database, grid, clock);
        FamilyWiring family = FamilyWiring.of(config, database, grid, clock, channels);
        LOG.info(family.lineup().summary());
        IncidentOwnership ownership = new IncidentOwnership(grid);
        IncidentPlacement placement = grid.clustered()
                ? new ClusterPlacement(ownership, new OwnerRouting(vertx, ownership)) : new LoneMember();
        IncidentListener news = family.news(offload, new LowBatteryNotices(database));
        IncidentWorkflow workflow = dispatch.workflow(vertx, timers, offload, placement, news);
        if (placement instanceof ClusterPlacement clustered) {
            clustered.routing().serve(workflow::runHere);
        }
        AlertReception reception = new AlertReception(
                new AlertIntake(database, grid, new Triage(config::verificationWindow), clock), offload, timers, workflow, clock,
                news);
        // One device health and one rate limit per node, shared by every gateway.
        DeviceHealth deviceHealth = new DeviceHealth(grid, database, offload, config.devices(), clock, reception::receive);
        DeviceRateLimit rateLimit = new DeviceRateLimit(config.devices().ratePerSecond(), config.devices().burst(), clock);

        AuditLog audit = AuditLog.start(database, registry);
        HttpServer http = ApiWiring.listen(config, vertx, database, grid, offload, new ApiWiring.Services(reception,
                dispatch.desk(workflow), access -> family.handlers(offload, access), deviceHealth, rateLimit,
                registry, audit, secrets), clock);
        Node node = new Node(config, database, grid, vertx, offload, dispatch.fleet(), http);
        node.clock = clock;
        node.areas = dispatch.areas();
        node.deviceHealth = deviceHealth;
        node.rateLimit = rateLimit;
        node.channels = family.lineup();
        node.audit = audit;
        node.secrets = secrets;
        deviceHealth.start(vertx);
        try {
            GatewayWiring gateways = GatewayWiring.start(config, vertx, database, offload, reception, deviceHealth,
                    rateLimit, registry, clock, secrets);
            node.dc09 = gateways.dc09();
            node.mqtt = gateways.mqtt();
            node.management = ManagementServer.listen(vertx, config.management(), new ListenerTls(config.tls()),
                    NodeHealth.liveness(vertx), NodeHealth.readiness(vertx, database, grid, offload), registry)
                    .await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            node.close(); // e.g. a gateway port is taken: leave nothing half-started behind
            throw e;
        }
        node.takeOver = new TakeOver(grid, ownership, workflow, family.notifier(), offload);
        node.takeOver.start();
        family.startEscalation(vertx, offload, placement::owns);
        // Retention (issue 15, privacy): off unless SAHAYA_RETENTION_DAYS is set.
        config.retention().period().ifPresent(period -> {
            node.retention = new RetentionJob(new Retention(database, period), grid.hazelcast(), audit, clock);
            node.retention.start(vertx, offload);
        });
        return node;
    }

    public int httpPort() {
        return http.actualPort();
    }

    public int mqttPort() {
        return mqtt.port();
    }

    /** The port of metrics and health ({@code SAHAYA_MANAGEMENT_PORT}), on the management host. */
    public int managementPort() {
        return management.actualPort();
    }

    /** The one line operators and scripts read to find the node. Gateways not yet built are "off". */
    public String listeningLine() {
        return "sahaya listening http=" + httpPort() + " mqtt=" + mqttPort() + " dc09=" + dc09Port()
                + " management=" + managementPort();
    }

    /** The port of the SIA DC-09 receiver (TCP). */
    public int dc09Port() {
        return dc09.port();
    }

    /** The clock the node runs on (a test's movable clock, or the system's). */
    public Clock clock() {
        return clock;
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

    /** This member's service areas as dispatch uses them (they follow an admin's changes, issue 15). */
    public ServiceAreas areas() {
        return areas;
    }

    /** Seals and opens this node's secrets with its master key (device secrets, DC-09 keys, medical profiles). */
    public SecretBox secrets() {
        return secrets;
    }

    /** Where gateways report what they heard ({@link DeviceActivity}); the sweep behind DEVICE_OFFLINE. */
    public DeviceHealth deviceHealth() {
        return deviceHealth;
    }

    /** The per-device rate limit every gateway shares. */
    public DeviceRateLimit deviceRateLimit() {
        return rateLimit;
    }

    /** How long this member's last take-over of a dead member's incidents took; null if none. */
    public Duration lastTakeOver() {
        return takeOver == null ? null : takeOver.lastTakeOver();
    }

    /**
     * Dies as a {@code kill -9} would, for fault tests in one JVM: the grid member is terminated
     * without handing its partitions over, the database pool is closed under running work, then
     * the rest stops without any graceful step.
     */
    public void crash() {
        grid.terminate();
        database.close();
        if (dc09 != null) {
            dc09.close();
        }
        deviceHealth.close();
        try {
            // Its sockets go as a killed process's would: a member restarted on the same ports can bind them.
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("Vert.x did not stop within 10 s after the crash");
        }
        offload.close();
        if (audit != null) {
            audit.abandon();
        }
        fleet.close();
    }

    @Override
    public void close() {
        if (retention != null) {
            retention.close();
        }
        if (dc09 != null) {
            dc09.close();
        }
        deviceHealth.close();
        try {
            Future.succeededFuture()
                    .compose(v -> mqtt == null ? Future.succeededFuture() : mqtt.close())
                    .compose(v -> http.close())
                    .compose(v -> management == null ? Future.succeededFuture() : management.close())
                    .compose(v -> vertx.close())
                    .await(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("Vert.x did not stop within 30 s; closing the rest anyway");
        }
        offload.close();
        if (audit != null) {
            audit.close(); // after the HTTP server: every request's line is queued; before the database: written
        }
        if (channels != null) {
            channels.close();
        }
        fleet.close();
        grid.close();
        database.close();
    }

}
