package org.sahaya.dispatch.followup;

import java.time.Instant;

/**
 * BLS first: an incident that needs ALS was sent a BLS unit because no ALS unit could arrive in time,
 * and an ALS unit is sought to follow it ({@code als_followups}).
 *
 * @param incidentId    the incident
 * @param firstUnitId   the BLS unit sent first
 * @param requestedAt   when the ALS unit began to be sought
 * @param supportUnitId the ALS unit sent after it; null while still sought
 * @param assignedAt    when that unit was sent
 * @param endedAt       when the follow-up ended (the incident closed, the support unit finished, or an ALS
 *                      unit became the incident's own unit); null while it lasts
 */
public record AlsFollowUp(String incidentId, String firstUnitId, Instant requestedAt, String supportUnitId,
                          Instant assignedAt, Instant endedAt) {

    /** Still in force: not ended. */
    public boolean open() {
        return endedAt == null;
    }

    /** Still looking for an ALS unit. */
    public boolean seeking() {
        return open() && supportUnitId == null;
    }
}
