package org.sahaya.dispatch.workflow;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.log.Redacted;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.core.retry.Backoff;
import org.sahaya.dispatch.assignment.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of an incident whose automatic dispatch threw (a saturated or lost database, a grid
 * call that failed): it must not stay silently NEW (DESIGN.md invariant 6). It is QUEUED with the
 * reason on its timeline, where coordinators and a freed unit see it, and tried again after a
 * growing delay (1 s, 2 s, 4 s ... at most a minute apart), a bounded number of times; after that it
 * waits in the queue for the next free unit, a coordinator or the next start.
 */
final class FailedDispatches {

    static final int MAX_RETRIES = 8;
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 2.0);
    private static final Logger LOG = LoggerFactory.getLogger(FailedDispatches.class);

    private final Vertx vertx;
    private final Dispatcher dispatcher;
    private final Database database;
    private final Clock clock;
    private final TimelineRepository timeline = new TimelineRepository();
    /** Failed attempts in a row per incident; forgotten on success or when retries run out. */
    private final ConcurrentHashMap<String, Integer> failures = new ConcurrentHashMap<>();

    FailedDispatches(Vertx vertx, Dispatcher dispatcher, Database database, Clock clock) {
        this.vertx = vertx;
        this.dispatcher = dispatcher;
        this.database = database;
        this.clock = clock;
    }

    /**
     * The delay before retry number {@code failuresSoFar} (1 after the first failure), or empty
     * once {@link #MAX_RETRIES} have been made.
     */
    static Optional<Duration> delayAfter(int failuresSoFar) {
        if (failuresSoFar < 1 || failuresSoFar > MAX_RETRIES) {
            return Optional.empty();
        }
        return Optional.of(BACKOFF.delayAfter(failuresSoFar));
    }

    /** The incident was handled (dispatched, queued for lack of a unit, or no longer waiting). */
    void succeeded(String incidentId) {
        failures.remove(incidentId);
    }

    /** Queues the incident with the reason and schedules {@code retry} for it, if retries are left. */
    void failed(String incidentId, RuntimeException cause, Consumer<String> retry) {
        int failed = failures.merge(incidentId, 1, Integer::sum);
        String reason = "automatic dispatch failed (" + cause.getClass().getSimpleName() + ")";
        try {
            dispatcher.queueAfterFailure(incidentId, reason);
        } catch (RuntimeException e) {
            LOG.error("Incident {}: could not queue it after a failed dispatch", incidentId, Redacted.of(e));
        }
        Optional<Duration> delay = delayAfter(failed);
        if (delay.isPresent()) {
            LOG.error("Incident {}: {}; retry {} of {} in {} s", incidentId, reason, failed, MAX_RETRIES,
                    delay.get().toSeconds(), Redacted.of(cause));
            stamp(incidentId, "Automatic handling failed (" + cause.getClass().getSimpleName() + "); the incident is"
                    + " queued and tried again in " + delay.get().toSeconds() + " s (retry " + failed + " of "
                    + MAX_RETRIES + ")");
            try {
                vertx.setTimer(delay.get().toMillis(), t -> retry.accept(incidentId));
            } catch (RuntimeException closing) {
                // The node is stopping: the incident is QUEUED, and the next start takes it up.
                failures.remove(incidentId);
            }
        } else {
            failures.remove(incidentId);
            LOG.error("Incident {}: {}; automatic retries exhausted, it waits in the queue", incidentId, reason, Redacted.of(cause));
            stamp(incidentId, "Automatic handling failed again (" + cause.getClass().getSimpleName() + ") after "
                    + MAX_RETRIES + " retries; the incident waits in the queue for a coordinator, the next free unit"
                    + " or the next start");
        }
    }

    private void stamp(String incidentId, String message) {
        try {
            database.inTransaction(c -> {
                timeline.append(c, new TimelineEntry(incidentId, clock.instant(), TimelineStage.WORKFLOW_FAILED, message));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Incident {}: could not write to the timeline", incidentId, Redacted.of(e));
        }
    }
}
