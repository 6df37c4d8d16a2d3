package org.sahaya.dispatch.assignment;

import org.sahaya.core.fleet.Unit;
import org.sahaya.core.incident.Incident;

/** What a coordinator's "send this unit" did. Every case but {@link Assigned} changed nothing. */
public sealed interface AssignmentResult {

    /**
     * The unit is on the incident.
     *
     * @param outcome  the dispatch, as the family is told about it
     * @param released the unit it replaced, now AVAILABLE; null if there was none
     */
    record Assigned(DispatchOutcome.Dispatched outcome, Unit released) implements AssignmentResult {
    }

    record UnknownIncident(String incidentId) implements AssignmentResult {
    }

    record UnknownUnit(String unitId) implements AssignmentResult {
    }

    /** The incident is finished (closed, cancelled, recorded). */
    record NotOpen(Incident incident) implements AssignmentResult {
    }

    /** The unit is not AVAILABLE (on another incident, returning, out of service). */
    record UnitBusy(Unit unit) implements AssignmentResult {
    }
}
