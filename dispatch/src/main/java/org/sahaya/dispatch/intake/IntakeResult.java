package org.sahaya.dispatch.intake;

import org.sahaya.core.alert.AlertReceipt;
import org.sahaya.core.incident.Incident;
import org.sahaya.dispatch.triage.TriageDecision;

/**
 * What receiving one alert produced.
 *
 * @param receipt  the answer for the device (same on every resend)
 * @param incident the incident the alert opened or joined, as it stood after intake; null for a duplicate
 * @param decision triage of this alert; null for a duplicate
 * @param raised   this alert raised the incident's priority (a more urgent alert joined)
 */
public record IntakeResult(AlertReceipt receipt, Incident incident, TriageDecision decision, boolean raised) {

    public IntakeResult(AlertReceipt receipt, Incident incident, TriageDecision decision) {
        this(receipt, incident, decision, false);
    }

    public boolean opened() {
        return !receipt.duplicate() && receipt.outcome() == org.sahaya.core.alert.AlertOutcome.OPENED;
    }

    /** The incident must be dispatched now: newly opened for dispatch, or raised out of verification by this alert. */
    public boolean dispatchNow() {
        return (opened() || raised) && incident.state() == org.sahaya.core.incident.IncidentState.NEW;
    }
}
