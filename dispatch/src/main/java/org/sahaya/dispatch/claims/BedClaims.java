package org.sahaya.dispatch.claims;

import org.sahaya.core.hospital.BedKind;

/**
 * Holds hospital beds for incidents. A bed is never reserved twice; what is free for dispatch (the
 * hospital's count less the holds) never goes negative.
 */
public interface BedClaims {

    /** @return true if one bed of {@code kind} is now reserved for {@code incidentId} */
    boolean reserve(String hospitalId, String incidentId, BedKind kind);

    /** Ends the hold of {@code incidentId}, if any: the bed is free for dispatch again. */
    void release(String hospitalId, String incidentId);

    /** The patient arrived: the hold of {@code incidentId} ends and the bed stays occupied (one fewer in the hospital's count). */
    void handOver(String hospitalId, String incidentId);
}
