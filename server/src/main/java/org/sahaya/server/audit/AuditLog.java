package org.sahaya.server.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sahaya.core.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log in the database: {@link #record} only queues the event (it never waits and never
 * throws, so no request is slowed or failed by the audit), and one writer per node appends the queue
 * in batches, each batch in one transaction chained after {@code audit_head}, which it locks: several
 * members append to one chain, one batch at a time.
 *
 * <p>A batch the database refuses is retried, with backoff, until it is written; meanwhile the queue
 * fills, and only once it is full ({@link Settings#capacity()} events, sized for minutes of a busy
 * node's API traffic) are new events dropped, counted ({@code sahaya.audit.dropped}) and warned
 * about, without their content. {@link #close} writes what is queued before it returns.
 */
public final class AuditLog implements Audit, AutoCloseable {

    /**
     * @param capacity      events queued at most; beyond it new ones are dropped and counted
     * @param batch         events written in one transaction at most
     * @param closeDeadline how long {@link #close} keeps trying to write what is queued
     */
    public record Settings(int capacity, int batch, Duration closeDeadline) {
        public static final Settings DEFAULT = new Settings(100_000, 500, Duration.ofSeconds(10));

        public Settings {
            if (capacity < 1 || batch < 1) {
                throw new IllegalArgumentException("capacity and batch must be positive");
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Database database;
    private final Settings settings;
    private final BlockingQueue<AuditEvent> queue;
    private final Counter written;
    private final Counter dropped;
    private final AtomicBoolean dropping = new AtomicBoolean();
    private final Thread writer;
    private volatile boolean closing;
    private volatile boolean abandoned;

    private AuditLog(Database database, MeterRegistry registry, Settings settings) {
        this.database = database;
        this.settings = settings;
        this.queue = new LinkedBlockingQueue<>(settings.capacity());
        this.written = Counter.builder("sahaya.audit.written").description("Audit entries written").register(registry);
        this.dropped = Counter.builder("sahaya.audit.dropped")
                .description("Audit events dropped because the queue was full or the log closed").register(registry);
        Gauge.builder("sahaya.audit.queue", queue, BlockingQueue::size).description("Audit events waiting to be written")
                .register(registry);
        this.writer = Thread.ofVirtual().name("sahaya-audit-writer").unstarted(this::drain);
    }

    /** Starts the log's writer with {@link Settings#DEFAULT}. */
    public static AuditLog start(Database database, MeterRegistry registry) {
        return start(database, registry, Settings.DEFAULT);
    }

    public static AuditLog start(Database database, MeterRegistry registry, Settings settings) {
        AuditLog log = new AuditLog(database, registry, settings);
        log.writer.start();
        return log;
    }

    @Override
    public void record(AuditEvent event) {
        if (closing || !queue.offer(event)) {
            dropped.increment();
            if (dropping.compareAndSet(false, true)) {
                LOG.warn("Audit events are being dropped ({}); counted in sahaya.audit.dropped",
                        closing ? "the audit log is closed" : "its queue of " + settings.capacity() + " is full");
            }
        }
    }

    /** Events waiting to be written. */
    public int queued() {
        return queue.size();
    }

    /** Writes what is queued (for at most {@link Settings#closeDeadline()}), then stops the writer. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(settings.closeDeadline());
            if (writer.isAlive()) {
                abandoned = true;
                writer.join(MAX_BACKOFF.plusSeconds(5));
            }
        } catch (InterruptedException e) {
            abandoned = true;
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the writer without writing what is queued, as a killed process would lose it ({@code Node.crash()}). */
    public void abandon() {
        abandoned = true;
        closing = true;
    }

    private void drain() {
        List<AuditEvent> batch = new ArrayList<>(settings.batch());
        Duration backoff = FIRST_BACKOFF;
        while (!abandoned) {
            if (batch.isEmpty()) {
                AuditEvent first = poll();
                if (first == null) {
                    if (closing) {
                        break;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, settings.batch() - 1);
            }
            if (write(batch)) {
                batch.clear();
                if (queue.size() < settings.capacity() / 2) {
                    dropping.set(false); // warn again at the next overflow, not at every batch of this one
                }
                backoff = FIRST_BACKOFF;
            } else {
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        int lost = batch.size() + queue.size();
        if (lost > 0) {
            dropped.increment(lost);
            LOG.warn("The audit log stopped with {} events not written; counted in sahaya.audit.dropped", lost);
        }
    }

    private boolean write(List<AuditEvent> batch) {
        try {
            database.inTransaction(c -> AuditTable.append(c, batch));
            written.increment(batch.size());
            return true;
        } catch (RuntimeException e) {
            // Never the message: a database's message may quote the row (a name, an address).
            SQLException sql = e.getCause() instanceof SQLException s ? s : null;
            LOG.warn("Could not append {} audit events ({}, SQLState {}); retrying", batch.size(),
                    e.getClass().getSimpleName(), sql == null ? "-" : sql.getSQLState());
            return false;
        }
    }

    private AuditEvent poll() {
        try {
            return queue.poll(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            abandoned = true;
            return null;
        }
    }

    private void pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            abandoned = true;
        }
    }
}
