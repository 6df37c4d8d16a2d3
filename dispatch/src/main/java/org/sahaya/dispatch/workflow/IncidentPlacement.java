package org.sahaya.dispatch.workflow;

import java.time.Duration;
import java.time.Instant;

/**
 * Extension point: where this member stands among the members that share the work, as the incident
 * workflow needs to know it. A lone node ({@link LoneMember}) owns everything and always may
 * dispatch; a cluster member (in {@code server.cluster}) owns the incidents of its partitions and
 * dispatches only while it sees a majority, so two sides of a split never dispatch one incident.
 */
public interface IncidentPlacement {

    /** Whether this member may dispatch now: it sees a majority of the configured members. */
    boolean mayDispatch();

    /** Whether this member works the incident now (its dispatch, timers and escalation steps). */
    boolean owns(String incidentId);

    /**
     * Runs a new incident's work on its owner: {@code here} on this member if it owns the incident,
     * else handed over to the owner, which runs its own workflow's {@link Work}.
     */
    void toOwner(String incidentId, Instant receivedAt, Duration verifyAfter, Work here);

    /** What the owner does with an incident's work. */
    @FunctionalInterface
    interface Work {
        /**
         * @param receivedAt  when its alert arrived (for the stage timers); null if not latency
         * @param verifyAfter a verification window to wait before dispatching; null to dispatch now
         */
        void runHere(String incidentId, Instant receivedAt, Duration verifyAfter);
    }
}
