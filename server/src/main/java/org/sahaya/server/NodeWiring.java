package org.sahaya.server;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.incident.IncidentListeners;
import org.sahaya.core.metrics.StageTimers;
import org.sahaya.core.node.Offload;
import org.sahaya.core.node.VertxBootstrap;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.dispatch.intake.AlertIntake;
import org.sahaya.dispatch.job.AcceptDeadlines;
import org.sahaya.dispatch.job.JobActions;
import org.sahaya.dispatch.job.Jobs;
import org.sahaya.dispatch.workflow.DispatchDesk;
import org.sahaya.dispatch.triage.Triage;
import org.sahaya.dispatch.workflow.AlertReception;
import org.sahaya.dispatch.workflow.IncidentPlacement;
import org.sahaya.dispatch.workflow.IncidentWorkflow;
import org.sahaya.dispatch.workflow.LoneMember;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.server.admin.privacy.Retention;
import org.sahaya.server.admin.privacy.RetentionJob;
import org.sahaya.server.audit.AuditLog;
import org.sahaya.server.cluster.ClusterPlacement;
import org.sahaya.server.cluster.IncidentOwnership;
import org.sahaya.server.cluster.OwnerRouting;
import org.sahaya.server.cluster.TakeOver;
import org.sahaya.server.delivery.PartnerOutbox;
import org.sahaya.server.device.DeviceHealth;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.server.device.LowBatteryNotices;
import org.sahaya.server.http.job.JobHandlers;
import org.sahaya.server.http.job.JobRoutes;
import org.sahaya.server.job.FleetWebhook;
import org.sahaya.server.job.JobDeliveryRows;
import org.sahaya.server.job.JobViews;
import org.sahaya.server.management.ManagementServer;
import org.sahaya.server.tls.ListenerTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires a {@link Node} together: the store, the grid member, Vert.x, dispatch and the family's
 * notifications, the HTTP API, the gateways and the management port, in the order each needs the
 * others, and the jobs that run beside them (take-over, escalation, retention).
 */
final class NodeWiring {

    private static final Logger LOG = LoggerFactory.getLogger(NodeWiring.class);

    private NodeWiring() {
    }

    /**
     * Where jobs' deliveries to fleets go: rows of {@code partner_deliveries} for the partner outbox to send.
     * A placeholder until the partner outbox's sender ({@code server.delivery}) is wired: the merge replaces it.
     */
    private static PartnerOutbox partnerOutbox(Clock clock) {
        return new JobDeliveryRows(clock);
    }

    /** {@link Node#start(SahayaConfig, Clock, Map)}: blocking until the node listens. */
    static Node start(SahayaConfig config, Clock clock, Map<Channel, NotificationChannel> channels) throws Exception {
        NodeStore store = NodeStore.open(config);
        Database database = store.database();
        SecretBox secrets = store.secrets();
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
        // The family's news, and beside it what partners hear (jobs to crews, pre-arrival notices): issue 17.
        IncidentListeners news = new IncidentListeners(family.news(offload, new LowBatteryNotices(database)));
        // Jobs to crews (issue 17): offered on dispatch, ended by the crew or the incident, told to the fleet's webhook.
        JobViews jobViews = new JobViews(grid, secrets);
        Jobs jobs = new Jobs(database, grid, new FleetWebhook(jobViews, partnerOutbox(clock)), config.acceptTimeout(), clock);
        news.add(jobs);
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
        DispatchDesk desk = dispatch.desk(workflow);
        HttpServer http = ApiWiring.listen(config, vertx, database, grid, offload, new ApiWiring.Services(reception,
                desk, access -> family.handlers(offload, access), deviceHealth, rateLimit,
                registry, audit, secrets, access -> new JobRoutes(access, new JobHandlers(jobs, new JobActions(jobs, desk),
                        jobViews, desk, database, offload))), clock);
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
        // The accept timeout: each member sweeps the jobs of the incidents it owns (issue 17).
        new AcceptDeadlines(jobs, desk, placement, offload).start(vertx);
        // Retention (issue 15, privacy): off unless SAHAYA_RETENTION_DAYS is set.
        config.retention().period().ifPresent(period -> {
            node.retention = new RetentionJob(new Retention(database, period), grid.hazelcast(), audit, clock);
            node.retention.start(vertx, offload);
        });
        return node;
    }
}
