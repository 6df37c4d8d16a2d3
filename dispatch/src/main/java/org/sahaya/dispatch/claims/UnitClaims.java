package org.sahaya.dispatch.claims;

import java.util.Optional;
import org.sahaya.core.fleet.Unit;

/** Claims ambulances for incidents. A unit is never held by two incidents. */
public interface UnitClaims {

    /** @return the unit now assigned to {@code incidentId}, or empty if it was not available (lost race) */
    Optional<Unit> claim(String unitId, String incidentId);

    /** Makes the unit available again if it is still held by {@code incidentId}. */
    void release(String unitId, String incidentId);
}
