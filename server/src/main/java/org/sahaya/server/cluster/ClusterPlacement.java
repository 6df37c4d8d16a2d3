package org.sahaya.server.cluster;

import java.time.Duration;
import java.time.Instant;
import org.sahaya.dispatch.workflow.IncidentPlacement;

/**
 * A cluster member's place for the incident workflow: it owns the incidents of its partitions
 * ({@link IncidentOwnership}), hands a new incident's work to its owner ({@link OwnerRouting}), and
 * dispatches only while it sees a majority of the configured members.
 */
public record ClusterPlacement(IncidentOwnership ownership, OwnerRouting routing) implements IncidentPlacement {

    @Override
    public boolean mayDispatch() {
        return ownership.mayDispatch();
    }

    @Override
    public boolean owns(String incidentId) {
        return ownership.owns(incidentId);
    }

    @Override
    public void toOwner(String incidentId, Instant receivedAt, Duration verifyAfter, Work here) {
        routing.route(incidentId, receivedAt, verifyAfter, here);
    }
}
