package org.sahaya.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.node.Offload;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.dispatch.area.ServiceAreas;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.channel.lineup.ChannelLineup;
import org.sahaya.server.admin.privacy.RetentionJob;
import org.sahaya.server.audit.AuditLog;
import org.sahaya.server.cluster.TakeOver;
import org.sahaya.server.delivery.DeliverySender;
import org.sahaya.server.delivery.PartnerOutbox;
import org.sahaya.server.device.DeviceActivity;
import org.sahaya.server.device.DeviceHealth;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.server.gateway.dc09.Dc09Server;
import org.sahaya.server.gateway.mqtt.MqttGateway;
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
    Clock clock;
    Dc09Server dc09;
    MqttGateway mqtt;
    DeviceHealth deviceHealth;
    DeviceRateLimit rateLimit;
    ChannelLineup channels;
    TakeOver takeOver;
    AuditLog audit;
    HttpServer management;
    ServiceAreas areas;
    SecretBox secrets;
    RetentionJob retention;
    DeliverySender partnerDeliveries;
    PartnerOutbox partnerOutbox;

    Node(SahayaConfig config, Database database, Grid grid, Vertx vertx, Offload offload, FleetIndex fleet,
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
        return NodeWiring.start(config, clock, channels);
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

    /** The outbox of deliveries to partners' systems (issue 17): fleet webhooks, hospitals' FHIR endpoints. */
    public PartnerOutbox partnerOutbox() {
        return partnerOutbox;
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
        if (partnerDeliveries != null) {
            partnerDeliveries.abandon();
        }
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
        // First: an attempt under way is cut off and this member's claims let go while the database is open.
        if (partnerDeliveries != null) {
            partnerDeliveries.close();
        }
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
