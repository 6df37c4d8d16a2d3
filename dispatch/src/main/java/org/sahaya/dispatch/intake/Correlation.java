package org.sahaya.dispatch.intake;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.dispatch.triage.TriageDecision;

/**
 * How an alert relates to its subscriber's incidents: with none open it opens one; otherwise it joins
 * the open one, and once stored a joining "I'm OK" stands down an incident no ambulance was sent to yet
 * while a more urgent joining alert raises it. After a dispatch an "I'm OK" is only noted: the
 * coordinator decides. Pure: the alert, its triage and the open incident in; the decision and its
 * timeline sentences out. {@link AlertIntake} applies it to the database and the grid.
 */
public final class Correlation {

    private Correlation() {
    }

    /** Where an alert goes. */
    public sealed interface Arrival {
    }

    /**
     * The alert opens an incident (or a record-only one).
     *
     * @param received the ALERT_RECEIVED sentence
     */
    public record Opens(Incident incident, AlertOutcome outcome, String received) implements Arrival {
    }

    /**
     * The alert joins the subscriber's open incident.
     *
     * @param note the ALERT_JOINED sentence
     */
    public record Joins(Incident open, String note) implements Arrival {
    }

    /** What a joining alert changes, applied on the incident's owner after the alert is stored. */
    public enum Effect {
        /** Nothing beyond the note: a record-only alert, or "I'm OK" after an ambulance was sent. */
        NONE,
        /** "I'm OK" before any ambulance was sent: the incident is cancelled. */
        STAND_DOWN,
        /** Possibly more urgent: raised if its priority is higher than the incident's. */
        RAISE
    }

    /**
     * @param open    the subscriber's open incident, if any
     * @param newId   names a new incident; asked only when one is opened
     */
    public static Arrival arrive(Alert alert, Subscriber subscriber, TriageDecision decision, Optional<Incident> open,
                                 Supplier<String> newId, Instant now) {
        if (open.isPresent()) {
            String note = alert.type() == AlertType.CANCEL
                    ? "\"I'm OK\" received from device " + alert.deviceId() + " while the incident is " + open.get().state()
                    : describe(alert) + " from device " + alert.deviceId() + " joined the open incident ("
                    + decision.priority() + ")";
            return new Joins(open.get(), note);
        }
        IncidentState state = switch (decision.action()) {
            case DISPATCH_NOW -> IncidentState.NEW;
            case VERIFY_FIRST -> IncidentState.VERIFYING;
            case RECORD_ONLY -> IncidentState.RECORDED;
        };
        Coordinates where = alert.location() != null ? alert.location() : subscriber.home();
        Incident incident = new Incident(newId.get(), subscriber.id(), alert.type(), decision.priority(), decision.action(),
                state, where, alert.receivedAt(), now, decision.needs(), decision.bedKind(), null, null, null, null);
        AlertOutcome outcome = decision.action() == TriageAction.RECORD_ONLY ? AlertOutcome.RECORDED : AlertOutcome.OPENED;
        return new Opens(incident, outcome, describe(alert) + " received from device " + alert.deviceId());
    }

    /** What a joining alert of {@code type}, triaged as {@code decision}, changes in the open incident. */
    public static Effect afterJoin(Incident open, AlertType type, TriageDecision decision) {
        if (type == AlertType.CANCEL) {
            return open.state() == IncidentState.DISPATCHED ? Effect.NONE : Effect.STAND_DOWN;
        }
        return decision.action() == TriageAction.RECORD_ONLY ? Effect.NONE : Effect.RAISE;
    }

    /** The STOOD_DOWN sentence. */
    public static String stoodDown() {
        return "Stood down: the device said \"I'm OK\" before any ambulance was sent";
    }

    /** The ESCALATED sentence for an incident raised from {@code before}. */
    public static String raised(Priority before, Incident raised, TriageDecision decision) {
        return "Raised from " + before + " to " + raised.priority() + " (" + raised.needs() + "): " + decision.reason();
    }

    private static String describe(Alert alert) {
        return alert.type() + " alert " + alert.alertId() + (alert.location() == null ? " (no location: home assumed)" : "");
    }
}
