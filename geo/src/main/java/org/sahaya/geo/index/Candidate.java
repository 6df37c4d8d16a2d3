package org.sahaya.geo.index;

import org.sahaya.geo.GeoPoint;

/**
 * One answer of {@link UnitIndex#nearest}: a unit and its straight-line distance from the search
 * origin. Dispatch turns candidates into ETAs; the index only knows distances.
 *
 * @param unitId         the unit's id
 * @param position       the position the distance was measured from
 * @param capability     the unit's capability at the time of the search
 * @param distanceMetres geodesic distance from the search origin, in metres
 */
public record Candidate(String unitId, GeoPoint position, String capability, double distanceMetres) {

    static Candidate of(IndexedUnit unit, double distanceMetres) {
        return new Candidate(unit.unitId(), unit.position(), unit.capability(), distanceMetres);
    }
}
