package org.sahaya.dispatch.hospital;

import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentChange;

/** What a receiving hospital's decision did. Every refusal changed nothing. */
public sealed interface DecisionResult {

    /**
     * The decision is recorded.
     *
     * @param incident the incident as it now is
     * @param change   for a decline, the news of the hospital change (to the next hospital, or to none); null for an accept
     * @param repeated an accept the hospital had already given: nothing new was written
     */
    record Decided(HospitalDecision decision, Incident incident, IncidentChange.HospitalChanged change, boolean repeated)
            implements DecisionResult {
    }

    /** No incident has that id. */
    record Unknown(String incidentId) implements DecisionResult {
    }

    /** The patient is not coming to the caller's hospital (and never was). */
    record NotYours(String incidentId) implements DecisionResult {
    }

    /** The incident is not on its way to the hospital any more (closed, queued, declined, at the hospital already), or changed meanwhile. */
    record NotDispatched(String incidentId, String why) implements DecisionResult {
    }
}
