package org.sahaya.dispatch.workflow;

import java.time.Duration;
import java.time.Instant;

/** A node without peers: it owns every incident, always may dispatch, and runs all work itself. */
public final class LoneMember implements IncidentPlacement {

    @Override
    public boolean mayDispatch() {
        return true;
    }

    @Override
    public boolean owns(String incidentId) {
        return true;
    }

    @Override
    public void toOwner(String incidentId, Instant receivedAt, Duration verifyAfter, Work here) {
        here.runHere(incidentId, receivedAt, verifyAfter);
    }
}
