package org.sahaya.dispatch.job;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.log.Redacted;
import org.sahaya.core.node.Offload;
import org.sahaya.dispatch.duty.StatusReport;
import org.sahaya.dispatch.fleet.StatusChange;
import org.sahaya.dispatch.workflow.DispatchDesk;
import org.sahaya.dispatch.workflow.DispatchHeld;
import org.sahaya.dispatch.workflow.IncidentPlacement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accept timeout: every second each member looks in the database for OFFERED jobs past their
 * deadline on the incidents it owns and sends the next unit, as a crew's decline would
 * ({@link DispatchDesk#notAccepted}). The database, not a timer per job, holds the deadlines, so a member
 * that takes over a dead member's incidents finds their jobs at its next sweep.
 *
 * <p>A job whose unit is no longer waiting on it (the crew accepted, or the unit left, and the news of it
 * was lost) is put right from the unit as the grid holds it.
 */
public final class AcceptDeadlines {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptDeadlines.class);
    private static final long PERIOD_MS = 1000;
    private static final int BATCH = 100;

    private final Jobs jobs;
    private final DispatchDesk desk;
    private final IncidentPlacement placement;
    private final Offload offload;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private long timer = -1;

    public AcceptDeadlines(Jobs jobs, DispatchDesk desk, IncidentPlacement placement, Offload offload) {
        this.jobs = jobs;
        this.desk = desk;
        this.placement = placement;
        this.offload = offload;
    }

    /** Sweeps every second until {@link #stop}; a sweep still running skips the next tick. */
    public void start(Vertx vertx) {
        timer = vertx.setPeriodic(PERIOD_MS, id -> {
            if (sweeping.compareAndSet(false, true)) {
                offload.execute(() -> {
                    try {
                        sweep();
                    } catch (RuntimeException e) {
                        LOG.error("Accept deadlines: the sweep failed; it runs again in a second", Redacted.of(e));
                    } finally {
                        sweeping.set(false);
                    }
                });
            }
        });
    }

    public void stop(Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * One sweep. Blocking.
     *
     * @return how many units it released for not accepting in time
     */
    public int sweep() {
        if (!placement.mayDispatch()) {
            return 0; // a minority member sends nobody; the majority's owner sweeps
        }
        int released = 0;
        List<Job> due = jobs.overdue(BATCH).stream().filter(j -> placement.owns(j.incidentId())).toList();
        for (Job job : due) {
            try {
                released += expire(job) ? 1 : 0;
            } catch (DispatchHeld e) {
                return released;
            } catch (RuntimeException e) {
                LOG.error("Accept deadlines: job {} could not be expired; tried again at the next sweep", job.id(),
                        Redacted.of(e));
            }
        }
        return released;
    }

    private boolean expire(Job job) {
        Duration waited = Duration.between(job.offeredAt(), job.acceptBy());
        StatusReport report = desk.notAccepted(job.unitId(), job.incidentId(), waited);
        if (report.change() instanceof StatusChange.Changed) {
            jobs.end(job.id(), JobState.TIMED_OUT, "did not accept within " + waited.toSeconds() + " s", Jobs.SAHAYA);
            return true;
        }
        Optional<Unit> unit = desk.unit(job.unitId());
        if (unit.isPresent() && job.incidentId().equals(unit.get().incidentId()) && unit.get().status().isOnIncident()) {
            jobs.accept(job.id(), "status report " + unit.get().status());
        } else {
            jobs.end(job.id(), JobState.WITHDRAWN, "the unit is no longer on the incident", Jobs.SAHAYA);
        }
        return false;
    }
}
