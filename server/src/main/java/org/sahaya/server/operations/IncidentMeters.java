package org.sahaya.server.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.core.incident.IncidentListener;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.notification.Notification;

/**
 * Hears incidents as a partner does ({@code news.add}) and times what the contracts measure after the alert:
 * <ul>
 *   <li>{@value #SLA_DISPATCH} (tag {@code outcome} = {@code met} | {@code missed}): each incident's first
 *       dispatch, met when within {@link #DISPATCH_TARGET} of its alert;</li>
 *   <li>{@value #QUEUE_WAIT}: for an incident that waited in the queue, from when it began to wait (its alert,
 *       or the moment its unit left it) to its dispatch;</li>
 *   <li>{@value #ACCEPTANCE}: from the dispatch to the crew's acceptance (the unit reports EN_ROUTE);</li>
 *   <li>{@value #ON_SCENE}: from the dispatch to the unit's arrival (ON_SCENE).</li>
 * </ul>
 * Only news that is fresh counts: a dispatch announced again after a restart or a take-over (its dispatch
 * time older than {@link #FRESH}) is not measured twice. Never blocks: partners hear each event before the
 * family, so this must not delay their messages.
 */
public final class IncidentMeters implements IncidentListener {

    public static final String SLA_DISPATCH = "sahaya.sla.dispatch";
    public static final String QUEUE_WAIT = "sahaya.incident.queue.wait";
    public static final String ACCEPTANCE = "sahaya.incident.acceptance";
    public static final String ON_SCENE = "sahaya.incident.on.scene";
    /** The partner contracts' alert-to-dispatch target. */
    public static final Duration DISPATCH_TARGET = Duration.ofMinutes(5);
    static final Duration FRESH = Duration.ofSeconds(30);

    private final Clock clock;
    private final Counter dispatchMet;
    private final Counter dispatchMissed;
    private final Timer queueWait;
    private final Timer acceptance;
    private final Timer onScene;
    /** Incidents whose first dispatch was counted. */
    private final Recent counted = new Recent();
    /** Incidents waiting in the queue, with when they began to wait. */
    private final Recent waiting = new Recent();
    /** Progress already timed, by incident, unit, status and dispatch. */
    private final Recent progressed = new Recent();

    public IncidentMeters(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.dispatchMet = sla(registry, "met");
        this.dispatchMissed = sla(registry, "missed");
        this.queueWait = timer(registry, QUEUE_WAIT, "Time an incident waited in the queue for a free unit",
                Duration.ofSeconds(1), Duration.ofHours(2), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(5));
        this.acceptance = timer(registry, ACCEPTANCE, "Time from an incident's dispatch to its crew's acceptance (EN_ROUTE)",
                Duration.ofMillis(100), Duration.ofMinutes(30), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2));
        this.onScene = timer(registry, ON_SCENE, "Time from an incident's dispatch to its unit on scene",
                Duration.ofSeconds(10), Duration.ofHours(3), Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(30));
    }

    private static Counter sla(MeterRegistry registry, String outcome) {
        return Counter.builder(SLA_DISPATCH)
                .description("Incidents dispatched for the first time, met when within 5 minutes of the alert")
                .tag("outcome", outcome).register(registry);
    }

    private static Timer timer(MeterRegistry registry, String name, String description, Duration min, Duration max,
                               Duration... objectives) {
        return Timer.builder(name).description(description)
                .publishPercentileHistogram()
                .serviceLevelObjectives(objectives)
                .minimumExpectedValue(min)
                .maximumExpectedValue(max)
                .register(registry);
    }

    @Override
    public List<Notification> dispatched(Incident incident) {
        Instant at = incident.dispatchedAt();
        if (at == null || !fresh(at)) {
            return List.of();
        }
        if (counted.add(incident.id(), at)) {
            (Duration.between(incident.openedAt(), at).compareTo(DISPATCH_TARGET) <= 0 ? dispatchMet : dispatchMissed)
                    .increment();
        }
        Instant since = waiting.take(incident.id());
        if (since != null) {
            queueWait.record(DeliveryTimes.nonNegative(Duration.between(since, at)));
        }
        return List.of();
    }

    @Override
    public List<Notification> queued(Incident incident) {
        waiting.add(incident.id(), incident.openedAt());
        return List.of();
    }

    @Override
    public void alertStored(Alert alert, Incident incident, AlertOutcome outcome) {
    }

    @Override
    public void changed(IncidentChange change) {
        Incident incident = change.incident();
        switch (change) {
            case IncidentChange.UnitProgress p -> progress(incident, p);
            case IncidentChange.UnitReleased r -> {
                if (incident.state() == IncidentState.QUEUED) {
                    waiting.put(incident.id(), r.at());
                }
            }
            case IncidentChange.Closed c -> {
                waiting.take(incident.id());
                progressed.forget(incident.id() + "/");
                counted.take(incident.id());
            }
            default -> {
            }
        }
    }

    private void progress(Incident incident, IncidentChange.UnitProgress p) {
        Timer timer = p.status() == UnitStatus.EN_ROUTE ? acceptance : p.status() == UnitStatus.ON_SCENE ? onScene : null;
        // The incident's own unit only: a support unit's dispatch is not the incident's dispatch time.
        if (timer == null || incident.dispatchedAt() == null || !p.unitId().equals(incident.unitId()) || !fresh(p.at())) {
            return;
        }
        if (progressed.add(incident.id() + "/" + p.unitId() + "/" + p.status() + "/" + incident.dispatchedAt(), p.at())) {
            timer.record(DeliveryTimes.nonNegative(Duration.between(incident.dispatchedAt(), p.at())));
        }
    }

    private boolean fresh(Instant at) {
        return Duration.between(at, clock.instant()).compareTo(FRESH) <= 0;
    }
}
