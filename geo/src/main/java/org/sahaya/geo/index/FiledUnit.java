package org.sahaya.geo.index;

/**
 * A unit's snapshot together with the cell it is filed under and its position in radians, all
 * changed together. The radians and latitude cosine are computed once per position report so a
 * search, which reads each filed unit many times over, does no trigonometry for them.
 */
record FiledUnit(IndexedUnit unit, long cell, double latRad, double lonRad, double cosLat) {

    static FiledUnit of(IndexedUnit unit, long cell) {
        double lat = Math.toRadians(unit.position().lat());
        return new FiledUnit(unit, cell, lat, Math.toRadians(unit.position().lon()), Math.cos(lat));
    }

    String id() {
        return unit.unitId();
    }
}
