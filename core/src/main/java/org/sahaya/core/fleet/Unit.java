package org.sahaya.core.fleet;

import java.io.Serializable;
import java.time.Instant;
import org.sahaya.core.Coordinates;

/**
 * An ambulance as the grid knows it.
 *
 * @param id         fleet id, e.g. {@code KA-01-AMB-0007}
 * @param callSign   short name read to a family, e.g. {@code KA-07}
 * @param level      ALS or BLS
 * @param station    home station name
 * @param position   last known position
 * @param status     duty status
 * @param incidentId the incident it is assigned to, if any
 * @param updatedAt  last change of position or status
 * @param partner    the fleet partner that owns the unit (e.g. {@code FLEET-1}): only its key may report
 *                   the unit's position and status; null for a unit of no fleet (older data, tests)
 * @param standing   the operator's standing of the unit: when not {@link UnitStanding#IN_SERVICE}, the unit
 *                   becomes OUT_OF_SERVICE where it would become AVAILABLE, so it is never claimed again
 */
public record Unit(
        String id,
        String callSign,
        UnitLevel level,
        String station,
        Coordinates position,
        UnitStatus status,
        String incidentId,
        Instant updatedAt,
        String partner,
        UnitStanding standing) implements Serializable {

    public Unit {
        standing = standing == null ? UnitStanding.IN_SERVICE : standing;
    }

    /** A unit in service. */
    public Unit(String id, String callSign, UnitLevel level, String station, Coordinates position, UnitStatus status,
                String incidentId, Instant updatedAt, String partner) {
        this(id, callSign, level, station, position, status, incidentId, updatedAt, partner, UnitStanding.IN_SERVICE);
    }

    /** A unit of no fleet partner. */
    public Unit(String id, String callSign, UnitLevel level, String station, Coordinates position, UnitStatus status,
                String incidentId, Instant updatedAt) {
        this(id, callSign, level, station, position, status, incidentId, updatedAt, null);
    }

    /** This unit owned by the fleet partner {@code partnerId}. */
    public Unit ownedBy(String partnerId) {
        return new Unit(id, callSign, level, station, position, status, incidentId, updatedAt, partnerId, standing);
    }

    public boolean isAvailable() {
        return status == UnitStatus.AVAILABLE;
    }

    public Unit assignedTo(String incident, Instant at) {
        return new Unit(id, callSign, level, station, position, UnitStatus.DISPATCHED, incident, at, partner, standing);
    }

    /** Free again: AVAILABLE, or OUT_OF_SERVICE when the operator's standing keeps it out. */
    public Unit released(Instant at) {
        return new Unit(id, callSign, level, station, position, whenFree(UnitStatus.AVAILABLE), null, at, partner,
                standing);
    }

    /**
     * The crew reports a new status. Leaving the incident's work (RETURNING, AVAILABLE,
     * OUT_OF_SERVICE) also ends the assignment, so the unit is never held by a finished incident.
     *
     * @throws IllegalStateException if {@link UnitStatus} does not allow the move
     */
    public Unit withStatus(UnitStatus next, Instant at) {
        UnitStatus moved = whenFree(status.moveTo(next));
        return new Unit(id, callSign, level, station, position, moved, moved.isOnIncident() ? incidentId : null, at,
                partner, standing);
    }

    /** AVAILABLE unless the operator keeps the unit out of service (or removed it): then OUT_OF_SERVICE. */
    private UnitStatus whenFree(UnitStatus next) {
        return next == UnitStatus.AVAILABLE && standing != UnitStanding.IN_SERVICE ? UnitStatus.OUT_OF_SERVICE : next;
    }

    /** Whether the unit is free of any job: neither on an incident nor returning from one. */
    public boolean isFree() {
        return incidentId == null && (status == UnitStatus.AVAILABLE || status == UnitStatus.OUT_OF_SERVICE);
    }

    /** A removed unit that finished its job: it leaves the grid. */
    public boolean isGone() {
        return standing == UnitStanding.REMOVED && isFree();
    }

    /**
     * This unit with the operator's details and standing. A free unit follows its standing at once
     * (out of service, or back to AVAILABLE when the operator had kept it out); a unit on a job keeps
     * its status and follows when the job ends.
     */
    public Unit amended(String newCallSign, UnitLevel newLevel, String newStation, UnitStanding newStanding, Instant at) {
        UnitStatus next = status;
        if (isFree()) {
            if (newStanding != UnitStanding.IN_SERVICE) {
                next = UnitStatus.OUT_OF_SERVICE;
            } else if (standing != UnitStanding.IN_SERVICE && status == UnitStatus.OUT_OF_SERVICE) {
                next = UnitStatus.AVAILABLE;
            }
        }
        return new Unit(id, newCallSign, newLevel, newStation, position, next, incidentId, at, partner, newStanding);
    }

    /** A new position report (AVL); the status stays. */
    public Unit movedTo(Coordinates at, Instant when) {
        return new Unit(id, callSign, level, station, at, status, incidentId, when, partner, standing);
    }
}
