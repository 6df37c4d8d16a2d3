package org.sahaya.geo.index;

import java.util.Objects;
import org.sahaya.geo.GeoPoint;

/**
 * The index's snapshot of one unit: where it last reported, what it can do, and whether it can
 * take a call. This is what a search filter sees; it is immutable, so a filter always judges one
 * consistent report, never a position from one update and a status from the next.
 *
 * @param unitId     the fleet's id for the unit, e.g. {@code "KA-01-AMB-7"}
 * @param position   last reported position
 * @param capability level of care the unit offers (e.g. {@code "ALS"}, {@code "BLS"}); the index
 *                   treats it as an opaque label for filters
 * @param available  whether the unit can be dispatched right now
 */
public record IndexedUnit(String unitId, GeoPoint position, String capability, boolean available) {

    /**
     * @throws IllegalArgumentException if the id or capability is blank
     * @throws NullPointerException     if any reference is null
     */
    public IndexedUnit {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(capability, "capability");
        if (unitId.isBlank()) {
            throw new IllegalArgumentException("unitId must not be blank");
        }
        if (capability.isBlank()) {
            throw new IllegalArgumentException("capability of unit " + unitId + " must not be blank");
        }
    }
}
