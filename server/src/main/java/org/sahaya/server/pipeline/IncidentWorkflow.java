package org.sahaya.server.pipeline;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
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
import org.sahaya.server.cluster.IncidentOwnership;
import org.sahaya.server.cluster.OwnerRouting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps 4 and 5 of the hot path for one incident, after the device was answered: dispatch, then tell
 * the family. Runs on virtual threads. Every step is idempotent (claims check state, the outbox
 * sends each message once), so after a crash {@link #recover()} simply runs open incidents again, and
 * a run that fails leaves the incident QUEUED with the reason and is retried ({@link FailedDispatches}).
 *
 * <p>In a cluster each incident is worked by its owner ({@link IncidentOwnership}): a new incident's
 * work is handed to it ({@link OwnerRouting}), and a member that does not see a majority of the
 * cluster holds dispatch (the incident stays open, with the reason on its timeline) until it does.
 */
public final class IncidentWorkflow {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentWorkflow.class);

    private final Vertx vertx;
    private final Dispatcher dispatcher;
    private final FamilyUpdates family;
    private final Database database;
    private final StageTimers timers;
    private final Offload offload;
    private final Clock clock;
    private final Function<AlertType, Duration> verificationWindow;
    private final IncidentRepository incidents = new IncidentRepository();
    private final TimelineRepository timeline = new TimelineRepository();
    private final QueueDrain queue;
    private final IncidentOwnership ownership;
    private final OwnerRouting routing;
    /** Incidents this member is dispatching right now: a second run of one waits for the next trigger. */
    private final Set<String> working = ConcurrentHashMap.newKeySet();
    private final FailedDispatches failed;

    public IncidentWorkflow(Vertx vertx, Dispatcher dispatcher, FamilyUpdates family, Database database,
                            StageTimers timers, Offload offload, Clock clock,
                            Function<AlertType, Duration> verificationWindow) {
        this(vertx, dispatcher, family, database, timers, offload, clock, verificationWindow, null);
    }

    /** @param queue dispatches waiting incidents when a unit frees up; null: they wait for the next start */
    public IncidentWorkflow(Vertx vertx, Dispatcher dispatcher, FamilyUpdates family, Database database,
                            StageTimers timers, Offload offload, Clock clock,
                            Function<AlertType, Duration> verificationWindow, QueueDrain queue) {
        this(vertx, dispatcher, family, database, timers, offload, clock, verificationWindow, queue, null, null);
    }

    /**
     * @param ownership which incidents this member works; null for a lone node (all of them)
     * @param routing   hands new incidents to their owner; null for a lone node
     */
    public IncidentWorkflow(Vertx vertx, Dispatcher dispatcher, FamilyUpdates family, Database database,
                            StageTimers timers, Offload offload, Clock clock,
                            Function<AlertType, Duration> verificationWindow, QueueDrain queue,
                            IncidentOwnership ownership, OwnerRouting routing) {
        this.queue = queue;
        this.ownership = ownership;
        this.routing = routing;
        this.vertx = vertx;
        this.dispatcher = dispatcher;
        this.family = family;
        this.database = database;
        this.timers = timers;
        this.offload = offload;
        this.clock = clock;
        this.verificationWindow = verificationWindow;
        this.failed = new FailedDispatches(vertx, dispatcher, database, clock);
    }

    /**
     * Starts the work an accepted alert calls for: dispatch now (a new incident, or one raised out of
     * verification), a timer for verification, nothing for records and plain joins.
     */
    public void start(IntakeResult result, Instant receivedAt) {
        Incident incident = result.incident();
        if (result.dispatchNow()) {
            onOwner(incident.id(), receivedAt, null);
        } else if (result.opened() && incident.state() == IncidentState.VERIFYING) {
            onOwner(incident.id(), null, result.decision().verificationWindow());
        }
    }

    private void onOwner(String incidentId, Instant receivedAt, Duration verifyAfter) {
        if (routing == null) {
            runHere(incidentId, receivedAt, verifyAfter);
        } else {
            routing.route(incidentId, receivedAt, verifyAfter);
        }
    }

    /** The owner's side of {@link #start}: dispatch now, or after the verification window. */
    public void runHere(String incidentId, Instant receivedAt, Duration verifyAfter) {
        if (verifyAfter == null) {
            offload.execute(() -> run(incidentId, receivedAt));
        } else {
            afterWindow(incidentId, verifyAfter);
        }
    }

    private void afterWindow(String incidentId, Duration window) {
        long delay = Math.max(1, window.toMillis());
        // Not timed: the wait for an "I'm OK" is deliberate, not latency.
        vertx.setTimer(delay, t -> offload.execute(() -> run(incidentId, null)));
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
            if (ownership != null && !ownership.mayDispatch()) {
                stamp(incidentId, TimelineStage.DISPATCH_HELD, "Dispatch held: this member of the cluster does not see a majority of"
                        + " its members (a network split or too many members down). The incident stays open and is"
                        + " dispatched as soon as the cluster has a majority again.");
                return;
            }
            DispatchOutcome outcome = dispatcher.dispatch(incidentId);
            failed.succeeded(incidentId);
            if (outcome instanceof DispatchOutcome.Skipped) {
                return;
            }
            if (receivedAt != null) {
                timers.record(Stage.DISPATCH_DECIDED, Duration.between(receivedAt, clock.instant()));
            }
            List<Notification> sent = family.tell(outcome);
            if (receivedAt != null) {
                sent.stream().map(Notification::sentAt).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder())
                        .ifPresent(first -> timers.record(Stage.FIRST_NOTIFICATION, Duration.between(receivedAt, first)));
            }
        } catch (RuntimeException e) {
            // Queued with the reason and retried with backoff: never left silently NEW.
            failed.failed(incidentId, e, id -> offload.execute(() -> run(id, null)));
        } finally {
            working.remove(incidentId);
        }
    }

    /**
     * After a start: finish what a previous run acknowledged but did not complete. Waiting incidents
     * are dispatched by priority, then age; dispatched ones get any family message not yet sent.
     */
    public void recover() {
        int open = recover(id -> true);
        int resent = family.resumePending();
        if (open > 0 || resent > 0) {
            LOG.info("Recovered {} open incidents and resent {} pending notifications", open, resent);
        }
    }

    /**
     * {@link #recover()} for the open incidents in {@code scope} (those a member took over), without the
     * outbox: the caller resumes the outbox rows of the same scope.
     *
     * @return how many open incidents it took up
     */
    public int recover(Predicate<String> scope) {
        List<Incident> open = database.withConnection(c -> incidents.findByStates(c,
                EnumSet.of(IncidentState.NEW, IncidentState.QUEUED, IncidentState.VERIFYING, IncidentState.DISPATCHED),
                10_000)).stream().filter(i -> scope.test(i.id())).toList();
        open.stream()
                .sorted(Comparator.comparing(Incident::priority).thenComparing(Incident::openedAt))
                .forEach(incident -> {
                    if (incident.state() == IncidentState.DISPATCHED) {
                        family.tell(new DispatchOutcome.Dispatched(incident, null, null));
                    } else if (incident.state() == IncidentState.VERIFYING) {
                        Duration left = Duration.between(clock.instant(),
                                incident.openedAt().plus(verificationWindow.apply(incident.alertType())));
                        afterWindow(incident.id(), left.isNegative() ? Duration.ZERO : left);
                    } else {
                        run(incident.id(), null);
                    }
                });
        return open.size();
    }

    /**
     * Dispatches the incidents in {@code scope} still waiting (NEW, QUEUED, or VERIFYING past their
     * window), e.g. those held while
     * this member saw no majority, by priority, then age.
     *
     * @return how many it tried
     */
    public int dispatchWaiting(Predicate<String> scope) {
        Instant now = clock.instant();
        List<Incident> waiting = database.withConnection(c -> incidents.findByStates(c,
                EnumSet.of(IncidentState.NEW, IncidentState.QUEUED, IncidentState.VERIFYING), 10_000)).stream()
                .filter(i -> i.state() != IncidentState.VERIFYING
                        || !i.openedAt().plus(verificationWindow.apply(i.alertType())).isAfter(now))
                .filter(i -> scope.test(i.id()))
                .sorted(Comparator.comparing(Incident::priority).thenComparing(Incident::openedAt))
                .toList();
        waiting.forEach(i -> run(i.id(), null));
        return waiting.size();
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
        if (queue == null || (ownership != null && !ownership.mayDispatch())) {
            return; // a minority member dispatches nothing; the queue is worked when the majority is back
        }
        offload.execute(() -> {
            try {
                tell(queue.drain(unitId, excluded));
            } catch (RuntimeException e) {
                LOG.error("Unit {}: dispatching the queue failed; waiting incidents are retried at the next free unit or start",
                        unitId, e);
            }
        });
    }

    /** Tells each family what a dispatch did for them (re-dispatch, override, queue); failures are logged per incident. */
    public void tell(List<DispatchOutcome> outcomes) {
        for (DispatchOutcome outcome : outcomes) {
            try {
                family.tell(outcome);
            } catch (RuntimeException e) {
                LOG.error("Family update after a dispatch change failed", e);
            }
        }
    }

    private void stamp(String incidentId, TimelineStage stage, String message) {
        try {
            database.inTransaction(c -> {
                timeline.append(c, new TimelineEntry(incidentId, clock.instant(), stage, message));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Incident {}: could not write to the timeline", incidentId, e);
        }
    }
}
