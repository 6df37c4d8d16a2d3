package org.sahaya.dispatch.assignment;

import org.sahaya.core.fleet.Unit;
import org.sahaya.core.incident.Incident;
import org.sahaya.dispatch.policy.HospitalOption;

/** What one dispatch attempt did. */
public sealed interface DispatchOutcome {

    /** A unit is claimed; {@code hospital} is null when no bed of the needed kind was free anywhere. */
    record Dispatched(Incident incident, Unit unit, HospitalOption hospital) implements DispatchOutcome {
    }

    /** No suitable unit was free: the incident waits in the queue. */
    record Queued(Incident incident, String reason) implements DispatchOutcome {
    }

    /** Nothing to do: the incident is not waiting for a unit (already dispatched, cancelled, unknown). */
    record Skipped(String incidentId, String reason) implements DispatchOutcome {
    }
}
