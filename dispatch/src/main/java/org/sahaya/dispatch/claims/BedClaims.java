package org.sahaya.dispatch.claims;

import org.sahaya.core.hospital.BedKind;

/** Reserves hospital beds for incidents. A bed is never reserved twice; free counts never go negative. */
public interface BedClaims {

    /** @return true if one bed of {@code kind} is now reserved for {@code incidentId} */
    boolean reserve(String hospitalId, String incidentId, BedKind kind);

    /** Returns the bed reserved for {@code incidentId}, if any, to the free count. */
    void release(String hospitalId, String incidentId);

    /** The patient arrived: the reservation of {@code incidentId} ends and the bed stays occupied. */
    void handOver(String hospitalId, String incidentId);
}
