package org.sahaya.core.incident;

import java.io.Serializable;
import java.time.Instant;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.hospital.BedKind;

/**
 * An emergency being worked: one per subscriber at a time; later alerts of the same subscriber
 * join the open incident instead of opening another.
 *
 * @param id          our id, e.g. {@code INC-...}
 * @param subscriberId the person in need
 * @param alertType   type of the alert that opened it
 * @param priority    triage priority
 * @param action      triage action
 * @param state       current state
 * @param location    where help must go
 * @param openedAt    when the first alert was received
 * @param updatedAt   last change
 * @param needs       unit level required (null when nothing is dispatched)
 * @param bedKind     bed kind required (null when nothing is dispatched)
 * @param unitId      assigned unit, once dispatched
 * @param hospitalId  receiving hospital, once dispatched
 * @param etaSeconds  estimated unit arrival, once dispatched
 * @param dispatchedAt when the dispatch was decided
 * @param etaUpdatedAt when {@code etaSeconds} was last worked out (the dispatch, or a live position of the unit)
 */
public record Incident(
        String id,
        String subscriberId,
        AlertType alertType,
        Priority priority,
        TriageAction action,
        IncidentState state,
        Coordinates location,
        Instant openedAt,
        Instant updatedAt,
        UnitLevel needs,
        BedKind bedKind,
        String unitId,
        String hospitalId,
        Integer etaSeconds,
        Instant dispatchedAt,
        Instant etaUpdatedAt) implements Serializable {

    /** An incident whose ETA, if any, dates from its dispatch. */
    public Incident(String id, String subscriberId, AlertType alertType, Priority priority, TriageAction action,
                    IncidentState state, Coordinates location, Instant openedAt, Instant updatedAt, UnitLevel needs,
                    BedKind bedKind, String unitId, String hospitalId, Integer etaSeconds, Instant dispatchedAt) {
        this(id, subscriberId, alertType, priority, action, state, location, openedAt, updatedAt, needs, bedKind, unitId,
                hospitalId, etaSeconds, dispatchedAt, etaSeconds == null ? null : dispatchedAt);
    }

    public Incident withState(IncidentState next, Instant at) {
        return new Incident(id, subscriberId, alertType, priority, action, state.moveTo(next), location,
                openedAt, at, needs, bedKind, unitId, hospitalId, etaSeconds, dispatchedAt, etaUpdatedAt);
    }

    /**
     * A more urgent alert joined: take its priority, the stronger unit level and its bed kind; an
     * incident still in verification goes to dispatch at once when the new alert says so.
     */
    public Incident escalated(Priority urgent, TriageAction newAction, UnitLevel level, BedKind bed, Instant at) {
        boolean dispatchNow = state == IncidentState.VERIFYING && newAction == TriageAction.DISPATCH_NOW;
        UnitLevel stronger = needs == UnitLevel.ALS || level == UnitLevel.ALS ? UnitLevel.ALS : level;
        return new Incident(id, subscriberId, alertType, urgent, dispatchNow ? newAction : action,
                dispatchNow ? state.moveTo(IncidentState.NEW) : state, location, openedAt, at,
                stronger, bed == null ? bedKind : bed, unitId, hospitalId, etaSeconds, dispatchedAt, etaUpdatedAt);
    }

    public Incident dispatched(String unit, String hospital, int eta, Instant at) {
        return new Incident(id, subscriberId, alertType, priority, action, state.moveTo(IncidentState.DISPATCHED),
                location, openedAt, at, needs, bedKind, unit, hospital, eta, at, at);
    }

    /** Its unit left before the patient reached a hospital (declined, broke down): back to the queue, bed kept. */
    public Incident unitLeft(Instant at) {
        return new Incident(id, subscriberId, alertType, priority, action, state.moveTo(IncidentState.QUEUED),
                location, openedAt, at, needs, bedKind, null, hospitalId, null, null, null);
    }

    /** The coordinator sent another unit: still DISPATCHED, with the new unit and its ETA. */
    public Incident reassigned(String unit, int eta, Instant at) {
        if (state != IncidentState.DISPATCHED) {
            throw new IllegalStateException("only a dispatched incident can be reassigned, this one is " + state);
        }
        return new Incident(id, subscriberId, alertType, priority, action, state, location, openedAt, at, needs,
                bedKind, unit, hospitalId, eta, at, at);
    }

    /** The receiving hospital changed (bed re-routed). */
    public Incident withHospital(String hospital, Instant at) {
        return new Incident(id, subscriberId, alertType, priority, action, state, location, openedAt, at, needs,
                bedKind, unitId, hospital, etaSeconds, dispatchedAt, etaUpdatedAt);
    }

    /** The unit's estimated arrival worked out again from where it is now (a live position). */
    public Incident withEta(int eta, Instant at) {
        return new Incident(id, subscriberId, alertType, priority, action, state, location, openedAt, at, needs,
                bedKind, unitId, hospitalId, eta, dispatchedAt, at);
    }
}
