package org.sahaya.notify.family;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.log.Redacted;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.escalation.Escalation;
import org.sahaya.notify.escalation.EscalationPolicy;
import org.sahaya.notify.escalation.EscalationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes due escalation steps and sends messages whose quiet hours are over. The timers are rows
 * ({@code escalations.next_at}, {@code notifications.not_before}), not memory: a periodic Vert.x
 * timer only asks the database what is due, on a virtual thread, so a restarted node simply carries on.
 * Each step's voice call is its own outbox row (sent once), and the step is then taken by a
 * compare-and-set on the step number, so even with two nodes ticking, or a crash between the two,
 * each contact is called once per step. In a cluster a node takes only the steps of incidents it
 * owns (reading past the others' due steps, so none is starved), and a dead member's escalations carry on
 * at the survivor its incidents moved to.
 */
public final class EscalationScheduler implements AutoCloseable {

    private static final int BATCH = 100;
    /** Due steps read at most per tick while looking for this member's own (see {@link OwnedDueSteps}). */
    private static final int WIDEST_READ = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(EscalationScheduler.class);

    private final Vertx vertx;
    private final Offload offload;
    private final Database database;
    private final FamilyUpdates family;
    private final EscalationPolicy policy;
    private final Clock clock;
    private final EscalationRepository escalations = new EscalationRepository();
    private final IncidentRepository incidents = new IncidentRepository();
    private final DirectoryRepository directory = new DirectoryRepository();
    private final TimelineRepository timeline = new TimelineRepository();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Predicate<String> owns;
    private long timerId = -1;

    /** @param owns whether this node works an incident (its escalation steps included) */
    public EscalationScheduler(Vertx vertx, Offload offload, Database database, FamilyUpdates family,
                               EscalationPolicy policy, Clock clock, Predicate<String> owns) {
        this.owns = owns;
        this.vertx = vertx;
        this.offload = offload;
        this.database = database;
        this.family = family;
        this.policy = policy;
        this.clock = clock;
    }

    /** Starts ticking every {@code tick}; a tick still running makes the next one skip. */
    public void start(Duration tick) {
        timerId = vertx.setPeriodic(tick.toMillis(), id -> {
            if (running.compareAndSet(false, true)) {
                offload.execute(() -> {
                    try {
                        runDue();
                    } catch (RuntimeException e) {
                        LOG.error("Escalation tick failed; the next tick tries again", Redacted.of(e));
                    } finally {
                        running.set(false);
                    }
                });
            }
        });
    }

    /** One pass: every due escalation step, then every message whose quiet hours ended. Blocking. */
    public void runDue() {
        Instant now = clock.instant();
        List<Escalation> due = OwnedDueSteps.select(BATCH, WIDEST_READ,
                limit -> database.withConnection(c -> escalations.due(c, now, limit)), owns);
        for (Escalation escalation : due) {
            try {
                step(escalation);
            } catch (RuntimeException e) {
                LOG.error("Incident {}: escalation step failed; retried at the next tick", escalation.incidentId(), Redacted.of(e));
            }
        }
        family.sendHeldDue();
    }

    private void step(Escalation escalation) {
        Instant now = clock.instant();
        Optional<Incident> incident = database.withConnection(c -> incidents.find(c, escalation.incidentId()));
        if (incident.isEmpty() || !incident.get().state().isOpen()) {
            end(escalation, "the incident is " + incident.map(i -> i.state().name()).orElse("gone"), now);
            return;
        }
        List<Contact> contacts = database.withConnection(c -> directory.contacts(c, incident.get().subscriberId()));
        switch (policy.next(escalation, contacts, now)) {
            case EscalationPolicy.Decision.Call call -> {
                // The call first, then the step: the call's outbox row (unique per step) makes a repeat
                // send nothing, so a crash in between repeats the step without a second call, and never
                // loses the call. Of two nodes, the row decides who calls and the step who stamps.
                family.escalate(incident.get(), call.contact(), call.stepNumber());
                database.inTransaction(c -> {
                    if (escalations.advance(c, escalation.incidentId(), escalation.step(), call.nextAt())) {
                        timeline.append(c, new TimelineEntry(escalation.incidentId(), now, TimelineStage.ESCALATED,
                                "ESCALATED step " + call.stepNumber() + ": no acknowledgement "
                                        + Duration.between(escalation.startedAt(), now).toSeconds() + " s after the"
                                        + " first messages; voice call to " + call.contact().relation() + " (contact "
                                        + call.stepNumber() + " of " + contacts.size() + ")."));
                    }
                    return null;
                });
            }
            case EscalationPolicy.Decision.Exhausted exhausted -> end(escalation, exhausted.reason(), now);
            case EscalationPolicy.Decision.Nothing nothing -> {
            }
        }
    }

    private void end(Escalation escalation, String reason, Instant now) {
        database.inTransaction(c -> {
            if (escalations.end(c, escalation.incidentId(), escalation.step(), reason)) {
                timeline.append(c, new TimelineEntry(escalation.incidentId(), now, TimelineStage.ESCALATION_ENDED,
                        "Escalation ended without an acknowledgement: " + reason + ". The coordinator must call."));
            }
            return null;
        });
    }

    @Override
    public void close() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }
}
