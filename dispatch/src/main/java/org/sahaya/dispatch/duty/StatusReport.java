package org.sahaya.dispatch.duty;

import java.util.List;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.dispatch.assignment.DispatchOutcome;
import org.sahaya.dispatch.fleet.StatusChange;

/**
 * What one reported unit status did.
 *
 * @param change           the status change itself (or why nothing changed)
 * @param outcomes         dispatches it caused (the incident a unit left, sent another unit or queued)
 * @param freedUnit        the unit, if it is now AVAILABLE: the queue may have work for it
 * @param declinedIncident the incident the unit left, not to be offered to it again at once; or null
 * @param changes          what it did to the unit's incident, for the incident's listeners (jobs, family, hospital)
 * @param alsoFreed        other units it freed (the second unit of an incident it closed): the queue may have work for them
 */
public record StatusReport(StatusChange change, List<DispatchOutcome> outcomes, Unit freedUnit, String declinedIncident,
                           List<IncidentChange> changes, List<Unit> alsoFreed) {

    public StatusReport {
        outcomes = List.copyOf(outcomes);
        changes = List.copyOf(changes);
        alsoFreed = List.copyOf(alsoFreed);
    }

    /** A report that freed no other unit. */
    public StatusReport(StatusChange change, List<DispatchOutcome> outcomes, Unit freedUnit, String declinedIncident,
                        List<IncidentChange> changes) {
        this(change, outcomes, freedUnit, declinedIncident, changes, List.of());
    }
}
