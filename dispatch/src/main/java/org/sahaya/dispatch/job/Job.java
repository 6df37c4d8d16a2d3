package org.sahaya.dispatch.job;

import java.time.Instant;

/**
 * One unit's job on one incident (a row of {@code jobs}): what the fleet's system and the crew app are
 * told, and what its crew did with it.
 *
 * @param id         {@code JOB-...}: what the fleet deduplicates on
 * @param fleetId    the unit's fleet (partner id) when it was offered; null for a unit of no fleet
 * @param acceptBy   when the offer runs out ({@code SAHAYA_ACCEPT_TIMEOUT_SECONDS} after the offer)
 * @param endReason  why it ended, in plain words (the crew's reason, "did not accept within 60 s", ...)
 * @param endedBy    who ended or accepted it: a crew member, a fleet key, a coordinator, or {@code sahaya}
 * @param updates    how many updates the fleet was sent (numbers the next update's delivery)
 */
public record Job(String id, String incidentId, String unitId, String fleetId, JobRole role, JobState state,
                  Instant offeredAt, Instant acceptBy, Instant acceptedAt, Instant endedAt, String endReason,
                  String endedBy, int updates) {

    /** A new offer. */
    public static Job offered(String id, String incidentId, String unitId, String fleetId, JobRole role, Instant at,
                              Instant acceptBy) {
        return new Job(id, incidentId, unitId, fleetId, role, JobState.OFFERED, at, acceptBy, null, null, null, null, 0);
    }

    public boolean isLive() {
        return state.isLive();
    }

    /** @throws IllegalStateException unless it was OFFERED */
    public Job accepted(Instant at, String by) {
        return new Job(id, incidentId, unitId, fleetId, role, moveTo(JobState.ACCEPTED), offeredAt, acceptBy, at, null,
                null, by, updates);
    }

    /** @throws IllegalStateException unless it was live */
    public Job ended(JobState end, Instant at, String reason, String by) {
        return new Job(id, incidentId, unitId, fleetId, role, moveTo(end), offeredAt, acceptBy, acceptedAt, at,
                reason, by, updates);
    }

    /** The same job, with who ended it and why restated (the crew's own words arrive after the status report's). */
    public Job restated(String reason, String by) {
        return new Job(id, incidentId, unitId, fleetId, role, state, offeredAt, acceptBy, acceptedAt, endedAt,
                reason, by, updates);
    }

    /** One more update sent to the fleet. */
    public Job updated() {
        return new Job(id, incidentId, unitId, fleetId, role, state, offeredAt, acceptBy, acceptedAt, endedAt,
                endReason, endedBy, updates + 1);
    }

    private JobState moveTo(JobState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("job " + id + " cannot move from " + state + " to " + next);
        }
        return next;
    }
}
