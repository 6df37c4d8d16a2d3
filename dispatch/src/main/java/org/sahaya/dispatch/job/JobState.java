package org.sahaya.dispatch.job;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a unit's job on an incident is, from the offer to its end. The allowed moves are written here
 * and only here. OFFERED and ACCEPTED are live (a unit has at most one live job); the rest are ends.
 */
public enum JobState {
    /** Offered to the unit; its crew has until {@code accept_by} to accept. */
    OFFERED,
    /** The crew accepted (EN_ROUTE, through the jobs API or a status report). */
    ACCEPTED,
    /** The crew declined; the incident went to the next unit. */
    DECLINED,
    /** Not accepted in time; the incident went to the next unit. */
    TIMED_OUT,
    /** Taken off the unit by someone else: a coordinator sent another, the unit broke down. */
    WITHDRAWN,
    /** The incident is over. */
    DONE;

    private static final Map<JobState, Set<JobState>> NEXT = Map.of(
            OFFERED, EnumSet.of(ACCEPTED, DECLINED, TIMED_OUT, WITHDRAWN, DONE),
            ACCEPTED, EnumSet.of(DECLINED, WITHDRAWN, DONE),
            DECLINED, EnumSet.noneOf(JobState.class),
            TIMED_OUT, EnumSet.noneOf(JobState.class),
            WITHDRAWN, EnumSet.noneOf(JobState.class),
            DONE, EnumSet.noneOf(JobState.class));

    /** The live states, as the database is asked for them. */
    public static final Set<JobState> LIVE = EnumSet.of(OFFERED, ACCEPTED);

    public boolean canMoveTo(JobState next) {
        return NEXT.get(this).contains(next);
    }

    /** Still to be worked by its unit. */
    public boolean isLive() {
        return LIVE.contains(this);
    }
}
