package org.sahaya.server;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.Ids;
import org.sahaya.core.config.NotifyConfig;
import org.sahaya.core.config.ProviderConfig;
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
import org.sahaya.dispatch.eta.ConfiguredEta;
import org.sahaya.dispatch.UnitAssignment;
import org.sahaya.dispatch.area.ServiceAreas;
import org.sahaya.dispatch.claims.GridBedClaims;
import org.sahaya.dispatch.claims.GridUnitClaims;
import org.sahaya.dispatch.duty.DutyCycle;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.fleet.GridFleet;
import org.sahaya.dispatch.incident.GridIncidents;
import org.sahaya.dispatch.incident.IncidentClosing;
import org.sahaya.dispatch.intake.AlertIntake;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.dispatch.queue.QueueDrain;
import org.sahaya.dispatch.triage.Triage;
import org.sahaya.notify.FamilyNotifier;
import org.sahaya.notify.ack.AckLinks;
import org.sahaya.notify.ack.Acknowledgements;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.contact.ContactBook;
import org.sahaya.notify.escalation.EscalationPolicy;
import org.sahaya.notify.receipt.Receipts;
import org.sahaya.notify.template.MessageTemplates;
import org.sahaya.notify.channel.sandbox.SandboxChannel;
import org.sahaya.notify.delivery.DeliveryPolicy;
import org.sahaya.notify.channel.ChannelLineup;
import org.sahaya.notify.channel.sandbox.SandboxInbox;
import org.sahaya.server.cluster.IncidentOwnership;
import org.sahaya.server.cluster.OwnerRouting;
import org.sahaya.server.cluster.TakeOver;
import org.sahaya.server.demo.DemoCity;
import org.sahaya.server.demo.DemoSeeder;
import org.sahaya.server.demo.DemoHubAccounts;
import org.sahaya.server.device.DeviceActivity;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.server.gateway.dc09.Dc09Directory;
import org.sahaya.server.gateway.dc09.Dc09Server;
import org.sahaya.server.gateway.AlertPayload;
import org.sahaya.server.gateway.mqtt.DeviceAuthenticator;
import org.sahaya.server.gateway.mqtt.MqttCounters;
import org.sahaya.server.gateway.mqtt.MqttGateway;
import org.sahaya.server.device.DeviceHealth;
import org.sahaya.server.device.LowBatteryNotices;
import org.sahaya.server.http.AlertHandler;
import org.sahaya.server.http.GuardedHttpServer;
import org.sahaya.server.http.DeviceAdmission;
import org.sahaya.server.http.HeartbeatHandler;
import org.sahaya.server.http.ApiKeyHandler;
import org.sahaya.server.http.CoordinatorHandlers;
import org.sahaya.server.http.DeviceSignatureHandler;
import org.sahaya.server.http.HttpApi;
import org.sahaya.server.http.PartnerHandlers;
import org.sahaya.server.http.QueryHandlers;
import org.sahaya.server.incident.IncidentViews;
import org.sahaya.server.pipeline.AlertReception;
import org.sahaya.server.pipeline.EscalationScheduler;
import org.sahaya.server.pipeline.DispatchDesk;
import org.sahaya.server.pipeline.FamilyUpdates;
import org.sahaya.server.pipeline.IncidentWorkflow;
import org.sahaya.server.webhook.AckHandlers;
import org.sahaya.server.webhook.ContactHandler;
import org.sahaya.server.webhook.FamilyHandlers;
import org.sahaya.server.webhook.TwilioSignatureHandler;
import org.sahaya.server.webhook.TwilioWebhooks;
import org.sahaya.server.pipeline.RoutineNews;
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
    private Dc09Server dc09;
    private MqttGateway mqtt;
    private DeviceHealth deviceHealth;
    private DeviceRateLimit rateLimit;
    private ChannelLineup channels;
    private TakeOver takeOver;

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
        Files.createDirectories(config.dataDir());
        Database database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword());
        if (config.demo() && new DemoSeeder().seedIfEmpty(database, DemoCity.generate(DemoCity.DEFAULT_SEED))) {
            LOG.info("Seeded the demo city (Bengaluru, seed {})", DemoCity.DEFAULT_SEED);
        }
        if (config.demo() && new DemoHubAccounts().seedIfMissing(database)) {
            LOG.info("Seeded the demo DC-09 accounts");
        }
        Grid grid = Grid.start(database, config.clusterName(), config.memberPort(), config.clusterMembers());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Clustered Vert.x only with peers: a lone node starts as fast as before.
        Vertx vertx = grid.clustered()
                ? VertxBootstrap.createClustered(registry, config.maxEventLoopMillis(), grid.hazelcast(), config.eventBus())
                : VertxBootstrap.create(registry, config.maxEventLoopMillis());
        Offload offload = new Offload();
        StageTimers timers = new StageTimers(registry);

        FleetIndex fleet = new FleetIndex(grid.units());
        ServiceAreas areas = ServiceAreas.load(database);
        GridUnitClaims unitClaims = new GridUnitClaims(grid.units(), clock);
        GridBedClaims bedClaims = new GridBedClaims(grid.hospitals());
        Dispatcher dispatcher = new Dispatcher(grid, fleet, unitClaims, bedClaims, DispatchPolicy.defaults(),
                ConfiguredEta.model(config.eta()), database, clock, CITY, areas);
        Ids ids = new Ids(clock);
        NotifyConfig notifyConfig = config.notifications();
        AckLinks ackLinks = notifyConfig.ackLinkSecret() == null ? null
                : new AckLinks(notifyConfig.ackLinkSecret(), config.providers().publicBaseUrl().toString(),
                        notifyConfig.ackLinkTtl());
        ChannelLineup lineup = ChannelLineup.from(config.providers(), config.demo(), database, clock);
        LOG.info(lineup.summary());
        Map<Channel, NotificationChannel> allChannels = new EnumMap<>(lineup.channels());
        allChannels.putAll(channels);
        FamilyNotifier notifier = new FamilyNotifier(database, allChannels, clock, () -> ids.next("NTF"),
                DeliveryPolicy.within(config.providers().familyBudget()), ackLinks);
        EscalationPolicy escalationPolicy = new EscalationPolicy(notifyConfig.voiceAfter(), notifyConfig.voiceInterval());
        FamilyUpdates family = new FamilyUpdates(notifier, database, grid, lineup.defaultChannel(), escalationPolicy, clock);
        IncidentOwnership ownership = new IncidentOwnership(grid);
        OwnerRouting routing = grid.clustered() ? new OwnerRouting(vertx, ownership) : null;
        IncidentWorkflow workflow = new IncidentWorkflow(vertx, dispatcher, family, database, timers, offload,
                clock, config::verificationWindow, new QueueDrain(grid, fleet, dispatcher, areas, database),
                ownership, routing);
        if (routing != null) {
            routing.serve(workflow::runHere);
        }
        AlertReception reception = new AlertReception(
                new AlertIntake(database, grid, new Triage(config::verificationWindow), clock), offload, timers, workflow, clock,
                new RoutineNews(family, new LowBatteryNotices(database), database, offload, clock));
        // One device health and one rate limit per node, shared by every gateway.
        DeviceHealth deviceHealth = new DeviceHealth(grid, database, offload, config.devices(), clock, reception::receive);
        DeviceRateLimit rateLimit = new DeviceRateLimit(config.devices().ratePerSecond(), config.devices().burst(), clock);

        DirectoryRepository directory = new DirectoryRepository();
        DeviceSignatureHandler signature = new DeviceSignatureHandler(
                id -> offload.<Optional<Device>>submit(() -> database.withConnection(c -> directory.device(c, id))),
                clock, config.replayWindow(), config.demo());
        IncidentClosing closing = new IncidentClosing(grid, unitClaims, bedClaims, database, clock);
        GridFleet gridFleet = new GridFleet(grid.units(), clock);
        DispatchDesk desk = new DispatchDesk(grid, gridFleet,
                new DutyCycle(gridFleet, fleet, new GridIncidents(grid.incidents()), dispatcher, closing, database, clock),
                bedClaims, new UnitAssignment(grid, dispatcher, unitClaims, fleet, database, clock), closing, workflow,
                dispatcher, database, ownership::mayDispatch);
        HttpApi.Handlers handlers = new HttpApi.Handlers(signature, new AlertHandler(reception),
                new QueryHandlers(new IncidentViews(database, grid, clock), new SandboxInbox(database), offload),
                HealthCheckHandler.createWithHealthChecks(NodeHealth.liveness(vertx)),
                HealthCheckHandler.createWithHealthChecks(NodeHealth.readiness(vertx, database, grid, offload)),
                PrometheusScrapingHandler.create(registry),
                familyHandlers(database, offload, clock, config.providers(), ackLinks),
                new DeviceAdmission(deviceHealth, rateLimit, config.devices().ratePerSecond()),
                new HeartbeatHandler(deviceHealth),
                new ApiKeyHandler(config.apiKeys(), config.demo()), new PartnerHandlers(desk, offload),
                new CoordinatorHandlers(desk, new IncidentViews(database, grid, clock), offload));
        HttpServer http = HttpApi.router(vertx, handlers, config.maxAlertBytes(), clock)
                .compose(router -> GuardedHttpServer.create(vertx, config.httpLimits(), router).listen(config.httpPort()))
                .await(60, TimeUnit.SECONDS);
        Node node = new Node(config, database, grid, vertx, offload, fleet, http);
        node.deviceHealth = deviceHealth;
        node.rateLimit = rateLimit;
        node.channels = lineup;
        deviceHealth.start(vertx);
        try {
            node.dc09 = Dc09Server.start(config.dc09Port(), config.dc09(), new Dc09Directory(database, offload, config.demo()),
                    reception, deviceHealth, rateLimit, clock);
            // Built here, on the starting thread, not in a future's callback: the first use of the schema and MQTT
            // classes is slow on a cold JVM and must not land on an event loop.
            AlertPayload payload = AlertPayload.load(vertx);
            node.mqtt = MqttGateway.start(vertx, config.mqttPort(), config.mqtt(), config.maxAlertBytes(),
                            new MqttGateway.Services(payload, reception, rateLimit,
                                    new DeviceAuthenticator(id -> offload.<Optional<Device>>submit(
                                            () -> database.withConnection(c -> directory.device(c, id))), config.demo()),
                                    deviceHealth, new MqttCounters(registry)),
                            clock)
                    .await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            node.close(); // e.g. a gateway port is taken: leave nothing half-started behind
            throw e;
        }
        node.takeOver = new TakeOver(grid, ownership, workflow, notifier, offload);
        node.takeOver.start();
        new EscalationScheduler(vertx, offload, database, family, escalationPolicy, clock, ownership::owns)
                .start(notifyConfig.tick());
        return node;
    }

    private static FamilyHandlers familyHandlers(Database database, Offload offload, Clock clock,
                                                 ProviderConfig config, AckLinks ackLinks) {
        String publicBaseUrl = config.publicBaseUrl().toString();
        MessageTemplates templates = MessageTemplates.load();
        Acknowledgements acknowledgements = new Acknowledgements(database, clock);
        return new FamilyHandlers(
                new TwilioSignatureHandler(config.twilioAuthToken(), publicBaseUrl),
                new TwilioWebhooks(new Receipts(database, clock), acknowledgements, database, templates, offload,
                        publicBaseUrl),
                new AckHandlers(ackLinks, acknowledgements, database, templates, offload, clock),
                new ContactHandler(new ContactBook(database), offload));
    }

    public int httpPort() {
        return http.actualPort();
    }

    public int mqttPort() {
        return mqtt.port();
    }

    /** The one line operators and scripts read to find the node. Gateways not yet built are "off". */
    public String listeningLine() {
        return "sahaya listening http=" + httpPort() + " mqtt=" + mqttPort() + " dc09=" + dc09Port();
    }

    /** The port of the SIA DC-09 receiver (TCP). */
    public int dc09Port() {
        return dc09.port();
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
        grid.hazelcast().getLifecycleService().terminate();
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
        fleet.close();
    }

    @Override
    public void close() {
        if (dc09 != null) {
            dc09.close();
        }
        deviceHealth.close();
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
        if (channels != null) {
            channels.close();
        }
        fleet.close();
        grid.close();
        database.close();
    }

}
