package org.sahaya.server.admin.privacy;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.sahaya.core.node.Offload;
import org.sahaya.server.audit.Audit;
import org.sahaya.server.audit.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Retention} once at start and then every {@link #EVERY}, off the event loop. On a cluster
 * one member purges at a time: the run holds the lock of a grid map's key ({@value #LOCK_MAP}), and a
 * member that finds it held skips that run (the purge is idempotent, so a skipped or repeated run is
 * harmless). Each run that purged anything writes an audit entry under the actor {@value #ACTOR}:
 * the date bound and the counts.
 */
public final class RetentionJob implements AutoCloseable {

    public static final Duration EVERY = Duration.ofHours(1);
    public static final String ACTOR = "system";
    static final String LOCK_MAP = "privacy-locks";
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final Retention retention;
    private final HazelcastInstance hazelcast;
    private final Audit audit;
    private final Clock clock;
    private Vertx vertx;
    private long timer = -1;

    public RetentionJob(Retention retention, HazelcastInstance hazelcast, Audit audit, Clock clock) {
        this.retention = retention;
        this.hazelcast = hazelcast;
        this.audit = audit;
        this.clock = clock;
    }

    /** Runs once now and then every hour. */
    public void start(Vertx vertx, Offload offload) {
        this.vertx = vertx;
        offload.execute(this::runGuarded);
        timer = vertx.setPeriodic(EVERY.toMillis(), id -> offload.execute(this::runGuarded));
    }

    /**
     * One run, if no other member is running one: answers what it purged, empty if it was skipped.
     * Blocking: for the timer's virtual thread and for tests.
     */
    public Optional<Retention.Purged> runOnce() {
        IMap<String, String> locks = hazelcast.getMap(LOCK_MAP);
        if (!locks.tryLock("retention")) {
            return Optional.empty();
        }
        try {
            Retention.Purged purged = retention.purge(clock.instant());
            if (purged.counts().values().stream().anyMatch(n -> n > 0)) {
                audit.record(new AuditEvent(clock.instant(), ACTOR, "", "retention.purge", purged.auditRecord(), "",
                        "ok"));
                LOG.info("Retention purged the personal data of {} finished incidents", purged.incidents());
            }
            return Optional.of(purged);
        } finally {
            locks.unlock("retention");
        }
    }

    private void runGuarded() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("Retention run failed; the next runs in {}", EVERY, e);
        }
    }

    @Override
    public void close() {
        if (vertx != null && timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
