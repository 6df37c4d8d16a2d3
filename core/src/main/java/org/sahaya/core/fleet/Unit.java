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
        String partner) implements Serializable {

    /** A unit of no fleet partner. */
    public Unit(String id, String callSign, UnitLevel level, String station, Coordinates position, UnitStatus status,
                String incidentId, Instant updatedAt) {
        this(id, callSign, level, station, position, status, incidentId, updatedAt, null);
    }

    /** This unit owned by the fleet partner {@code partnerId}. */
    public Unit ownedBy(String partnerId) {
        return new Unit(id, callSign, level, station, position, status, incidentId, updatedAt, partnerId);
    }

    public boolean isAvailable() {
        return status == UnitStatus.AVAILABLE;
    }

    public Unit assignedTo(String incident, Instant at) {
        return new Unit(id, callSign, level, station, position, UnitStatus.DISPATCHED, incident, at, partner);
    }

    public Unit released(Instant at) {
        return new Unit(id, callSign, level, station, position, UnitStatus.AVAILABLE, null, at, partner);
    }

    /**
     * The crew reports a new status. Leaving the incident's work (RETURNING, AVAILABLE,
     * OUT_OF_SERVICE) also ends the assignment, so the unit is never held by a finished incident.
     *
     * @throws IllegalStateException if {@link UnitStatus} does not allow the move
     */
    public Unit withStatus(UnitStatus next, Instant at) {
        UnitStatus moved = status.moveTo(next);
        return new Unit(id, callSign, level, station, position, moved, moved.isOnIncident() ? incidentId : null, at,
                partner);
    }

    /** A new position report (AVL); the status stays. */
    public Unit movedTo(Coordinates at, Instant when) {
        return new Unit(id, callSign, level, station, at, status, incidentId, when, partner);
    }
}
