package org.sahaya.server.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.log.Redacted;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.Jdbc;
import org.sahaya.dispatch.workflow.IncidentPlacement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of the node's state, read from the system of record every {@link #EVERY} on a virtual thread (a
 * scrape only reads the last figures): {@value #QUEUE_OLDEST} (seconds the oldest QUEUED incident has waited
 * since its alert, 0 when none), {@value #QUEUE_WAITING} (QUEUED incidents), {@value #DEVICES_SILENT}
 * (devices raised DEVICE_OFFLINE and not heard since); and, read at each scrape from the grid member's own
 * count, {@value #MINORITY} (1 while this member sees no majority of the cluster and holds dispatch).
 * Every member of a cluster reads the same database, so the rules take the max of the first three.
 */
public final class OperationsWatch implements AutoCloseable {

    public static final String QUEUE_OLDEST = "sahaya.queue.oldest.age";
    public static final String QUEUE_WAITING = "sahaya.queue.waiting";
    public static final String DEVICES_SILENT = "sahaya.devices.silent";
    public static final String MINORITY = "sahaya.cluster.minority";
    public static final Duration EVERY = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(OperationsWatch.class);

    private final Database database;
    private final Clock clock;
    private final AtomicBoolean sampling = new AtomicBoolean();
    private volatile double oldestSeconds;
    private volatile double queued;
    private volatile double silent;
    private Vertx vertx;
    private long timer = -1;

    public OperationsWatch(Database database, MeterRegistry registry, IncidentPlacement placement, Clock clock) {
        this.database = database;
        this.clock = clock;
        Gauge.builder(QUEUE_OLDEST, this, w -> w.oldestSeconds).baseUnit("seconds")
                .description("How long the oldest incident waiting in the queue has waited since its alert (0 when none)")
                .register(registry);
        Gauge.builder(QUEUE_WAITING, this, w -> w.queued)
                .description("Incidents waiting in the queue for a free unit").register(registry);
        Gauge.builder(DEVICES_SILENT, this, w -> w.silent)
                .description("Devices silent past their heartbeat interval (DEVICE_OFFLINE raised, not heard since)")
                .register(registry);
        Gauge.builder(MINORITY, placement, p -> p.mayDispatch() ? 0 : 1)
                .description("1 while this member is on the minority side of a split and holds dispatch, else 0")
                .register(registry);
    }

    /** Samples now, then every {@link #EVERY}; a sample still running when the next is due is not doubled. */
    public void start(Vertx vertx, Offload offload) {
        this.vertx = vertx;
        offload.execute(this::sampleQuietly);
        timer = vertx.setPeriodic(EVERY.toMillis(), id -> {
            if (sampling.compareAndSet(false, true)) {
                offload.execute(() -> {
                    try {
                        sampleQuietly();
                    } finally {
                        sampling.set(false);
                    }
                });
            }
        });
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            LOG.warn("Operations gauges: sampling failed; the next sample retries", Redacted.of(e));
        }
    }

    /** One sample. Blocking; public so tests can take one deterministically. */
    public void sample() {
        Instant now = clock.instant();
        database.withConnection(c -> {
            readQueue(c, now);
            silent = count(c, "SELECT COUNT(*) FROM device_health WHERE offline_since IS NOT NULL");
            return null;
        });
    }

    private void readQueue(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(opened_at) AS oldest, COUNT(*) AS waiting FROM incidents"
                + " WHERE state = ?")) {
            ps.setString(1, IncidentState.QUEUED.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Instant oldest = Jdbc.getInstant(rs, "oldest");
                queued = rs.getLong("waiting");
                oldestSeconds = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
            }
        }
    }

    private static double count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        if (vertx != null && timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
