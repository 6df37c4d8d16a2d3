package org.sahaya.dispatch.workflow;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.core.incident.IncidentListener;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.log.Redacted;
import org.sahaya.core.metrics.Stage;
import org.sahaya.core.metrics.StageTimers;
import org.sahaya.core.node.Offload;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.dispatch.assignment.DispatchOutcome;
import org.sahaya.dispatch.assignment.Dispatcher;
import org.sahaya.dispatch.intake.IntakeResult;
import org.sahaya.dispatch.queue.QueueDrain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps 4 and 5 of the hot path for one incident, after the device was answered: dispatch, then
 * announce it to the {@link IncidentListener} (the family's messages). Runs on virtual threads. Every
 * step is idempotent (claims check state, the outbox sends each message once), so after a crash
 * {@link #recover} simply runs open incidents again ({@link Recovery} decides how), and a run that
 * fails leaves the incident QUEUED with the reason and is retried ({@link FailedDispatches}).
 *
 * <p>In a cluster each incident is worked by its owner ({@link IncidentPlacement}): a new incident's
 * work is handed to it, and a member that does not see a majority of the cluster holds dispatch (the
 * incident stays open, with the reason on its timeline) until it does.
 */
public final class IncidentWorkflow {

    /**
     * What the workflow works with.
     *
     * @param queue              dispatches the waiting incidents a freed unit can serve
     * @param verificationWindow how long an alert of a type is verified before dispatch
     */
    public record Parts(Vertx vertx, Dispatcher dispatcher, QueueDrain queue, Database database, StageTimers timers,
                        Offload offload, Clock clock, Function<AlertType, Duration> verificationWindow) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(IncidentWorkflow.class);

    private final Parts parts;
    private final IncidentPlacement placement;
    private final IncidentListener listener;
    private final IncidentRepository incidents = new IncidentRepository();
    private final TimelineRepository timeline = new TimelineRepository();
    /** Incidents this member is dispatching right now: a second run of one waits for the next trigger. */
    private final Set<String> working = ConcurrentHashMap.newKeySet();
    private final FailedDispatches failed;

    /**
     * @param placement which incidents this member works and whether it may dispatch
     * @param listener  hears of each dispatch decision (the family's messages)
     */
    public IncidentWorkflow(Parts parts, IncidentPlacement placement, IncidentListener listener) {
        this.parts = parts;
        this.placement = placement;
        this.listener = listener;
        this.failed = new FailedDispatches(parts.vertx(), parts.dispatcher(), parts.database(), parts.clock());
    }

    /** Whether this member may dispatch now (it sees a majority of the cluster; always, alone). */
    public boolean mayDispatch() {
        return placement.mayDispatch();
    }

    /**
     * Starts the work an accepted alert calls for: dispatch now (a new incident, or one raised out of
     * verification), a timer for verification, nothing for records and plain joins.
     */
    public void start(IntakeResult result, Instant receivedAt) {
        Incident incident = result.incident();
        if (result.dispatchNow()) {
            placement.toOwner(incident.id(), receivedAt, null, this::runHere);
        } else if (result.opened() && incident.state() == IncidentState.VERIFYING) {
            placement.toOwner(incident.id(), null, result.decision().verificationWindow(), this::runHere);
        } else if (result.raised() && incident.state() == IncidentState.DISPATCHED && incident.needs() == UnitLevel.ALS
                && placement.mayDispatch()) {
            // Raised to ALS while its unit works it: an ALS unit follows if the unit is BLS (safe on any member:
            // the claim and the follow-up's row decide; the owner's sweep retries).
            parts.offload().execute(() -> {
                try {
                    parts.dispatcher().followUps().raisedToAls(incident.id()).ifPresent(sent -> changed(List.of(sent)));
                } catch (RuntimeException e) {
                    LOG.error("Incident {}: seeking an ALS unit after it was raised failed", incident.id(), Redacted.of(e));
                }
            });
        }
    }

    /** The owner's side of {@link #start}: dispatch now, or after the verification window. */
    public void runHere(String incidentId, Instant receivedAt, Duration verifyAfter) {
        if (verifyAfter == null) {
            parts.offload().execute(() -> run(incidentId, receivedAt));
        } else {
            afterWindow(incidentId, verifyAfter);
        }
    }

    private void afterWindow(String incidentId, Duration window) {
        long delay = Math.max(1, window.toMillis());
        // Not timed: the wait for an "I'm OK" is deliberate, not latency.
        parts.vertx().setTimer(delay, t -> parts.offload().execute(() -> run(incidentId, null)));
    }

    /**
     * Dispatches one incident and tells the family what happened; failures end on the timeline.
     *
     * @param receivedAt when its alert arrived, to time the stages; null when the delay is not
     *                   latency (a verification window, a restart)
     */
    void run(String incidentId, Instant receivedAt) {
        if (!working.add(incidentId)) {
            return; // already being dispatched here; claims would hold, but one run is enough
        }
        try {
            if (!placement.mayDispatch()) {
                stamp(incidentId, TimelineStage.DISPATCH_HELD, "Dispatch held: this member of the cluster does not see a majority of"
                        + " its members (a network split or too many members down). The incident stays open and is"
                        + " dispatched as soon as the cluster has a majority again.");
                return;
            }
            DispatchOutcome outcome = parts.dispatcher().dispatch(incidentId);
            failed.succeeded(incidentId);
            if (outcome instanceof DispatchOutcome.Skipped) {
                return;
            }
            if (receivedAt != null) {
                parts.timers().record(Stage.DISPATCH_DECIDED, Duration.between(receivedAt, parts.clock().instant()));
            }
            List<Notification> sent = announce(outcome);
            try {
                followUp(outcome);
            } catch (RuntimeException e) {
                LOG.error("Incident {}: sending the ALS unit after a BLS unit went first failed; the sweep retries",
                        incidentId, Redacted.of(e));
            }
            if (receivedAt != null) {
                sent.stream().map(Notification::sentAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
                        .ifPresent(first -> parts.timers().record(Stage.FIRST_NOTIFICATION, Duration.between(receivedAt, first)));
            }
        } catch (RuntimeException e) {
            // Queued with the reason and retried with backoff: never left silently NEW.
            failed.failed(incidentId, e, id -> parts.offload().execute(() -> run(id, null)));
        } finally {
            working.remove(incidentId);
        }
    }

    /**
     * After a start, or a member's death: finishes, for the open incidents in {@code scope}, what a
     * previous run acknowledged but did not complete, without the outbox (the caller resumes the
     * outbox rows of the same scope). Waiting incidents are dispatched by priority, then age;
     * dispatched ones are announced again, so their families get any message not yet sent.
     *
     * @return how many open incidents it took up
     */
    public int recover(Predicate<String> scope) {
        List<Incident> open = read(Recovery.OPEN).stream().filter(i -> scope.test(i.id())).toList();
        for (Recovery.Step step : Recovery.steps(open, parts.verificationWindow())) {
            switch (step) {
                case Recovery.Retell retell -> listener.dispatched(retell.incident());
                case Recovery.AwaitWindow await -> afterWindow(await.incident().id(),
                        Recovery.left(await.windowEnds(), parts.clock().instant()));
                case Recovery.Dispatch dispatch -> run(dispatch.incident().id(), null);
            }
        }
        return open.size();
    }

    /**
     * Dispatches the incidents in {@code scope} still waiting (NEW, QUEUED, or VERIFYING past their
     * window), e.g. those held while this member saw no majority, by priority, then age.
     *
     * @return how many it tried
     */
    public int dispatchWaiting(Predicate<String> scope) {
        Instant now = parts.clock().instant();
        List<Incident> waiting = Recovery.waiting(read(Recovery.WAITING).stream().filter(i -> scope.test(i.id())).toList(),
                now, parts.verificationWindow());
        waiting.forEach(i -> run(i.id(), null));
        return waiting.size();
    }

    private List<Incident> read(Set<IncidentState> states) {
        return parts.database().withConnection(c -> incidents.findByStates(c, states, 10_000));
    }

    /**
     * A unit became AVAILABLE (status report, a closed incident, an override that replaced it): the
     * waiting incidents it can serve are dispatched by priority, then age, and their families told.
     * Only the member that handled the event drains; were several to drain at once, the claims would
     * still dispatch each incident once.
     *
     * @param excluded incidents not to offer it (the one it just declined)
     */
    public void unitFreed(String unitId, Set<String> excluded) {
        if (!placement.mayDispatch()) {
            return; // a minority member dispatches nothing; the queue is worked when the majority is back
        }
        parts.offload().execute(() -> {
            try {
                tell(parts.queue().drain(unitId, excluded));
            } catch (RuntimeException e) {
                LOG.error("Unit {}: dispatching the queue failed; waiting incidents are retried at the next free unit or start",
                        unitId, Redacted.of(e));
            }
            try {
                changed(parts.dispatcher().followUps().unitFreed(unitId));
            } catch (RuntimeException e) {
                LOG.error("Unit {}: sending it to incidents still seeking an ALS unit failed; the sweep retries",
                        unitId, Redacted.of(e));
            }
        });
    }

    /**
     * Every {@code every}, the incidents this member owns that still seek an ALS unit after a BLS unit went
     * first (and those a crashed member left) are sent one if one is free. For the life of the Vert.x instance.
     *
     * @return the timer's id
     */
    public long sweepAlsFollowUps(Duration every) {
        return parts.vertx().setPeriodic(Math.max(1, every.toMillis()), t -> {
            if (!placement.mayDispatch()) {
                return;
            }
            parts.offload().execute(() -> {
                try {
                    changed(parts.dispatcher().followUps().sweep(placement::owns));
                } catch (RuntimeException e) {
                    LOG.error("The sweep of incidents seeking an ALS unit failed; it runs again", Redacted.of(e));
                }
            });
        });
    }

    /**
     * A BLS unit just went first to a call that needs ALS: the ALS unit that was free but too far away (if
     * any) follows at once.
     */
    private void followUp(DispatchOutcome outcome) {
        if (outcome instanceof DispatchOutcome.Dispatched d && d.incident().needs() == UnitLevel.ALS
                && d.unit().level() == UnitLevel.BLS) {
            parts.dispatcher().followUps().serve(d.incident().id()).ifPresent(sent -> changed(List.of(sent)));
        }
    }

    /** Tells each family what a dispatch did for them (re-dispatch, override, queue); failures are logged per incident. */
    public void tell(List<DispatchOutcome> outcomes) {
        for (DispatchOutcome outcome : outcomes) {
            try {
                announce(outcome);
            } catch (RuntimeException e) {
                LOG.error("Family update after a dispatch change failed", Redacted.of(e));
            }
            try {
                followUp(outcome);
            } catch (RuntimeException e) {
                LOG.error("Sending the ALS unit after a BLS unit went first failed; the sweep retries", Redacted.of(e));
            }
        }
    }

    /**
     * Tells the listeners what happened to incidents after their dispatch (a unit left or progressed, an ETA
     * or the hospital moved, the incident closed), on a virtual thread; failures are logged per change.
     */
    public void changed(List<IncidentChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        parts.offload().execute(() -> {
            for (IncidentChange change : changes) {
                try {
                    listener.changed(change);
                } catch (RuntimeException e) {
                    LOG.error("Incident {}: telling its listeners of {} failed", change.incident().id(),
                            change.getClass().getSimpleName(), Redacted.of(e));
                }
            }
        });
    }

    private List<Notification> announce(DispatchOutcome outcome) {
        return switch (outcome) {
            case DispatchOutcome.Dispatched d -> listener.dispatched(d.incident());
            case DispatchOutcome.Queued q -> listener.queued(q.incident());
            case DispatchOutcome.Skipped s -> List.of();
        };
    }

    private void stamp(String incidentId, TimelineStage stage, String message) {
        try {
            parts.database().inTransaction(c -> {
                timeline.append(c, new TimelineEntry(incidentId, parts.clock().instant(), stage, message));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Incident {}: could not write to the timeline", incidentId, Redacted.of(e));
        }
    }
}
