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
 */
public record StatusReport(StatusChange change, List<DispatchOutcome> outcomes, Unit freedUnit, String declinedIncident,
                           List<IncidentChange> changes) {

    public StatusReport {
        outcomes = List.copyOf(outcomes);
        changes = List.copyOf(changes);
    }
}
