package org.sahaya.geo.index;

/**
 * A unit's snapshot together with the cell it is filed under and what a search reads of it
 * flattened out: position in radians with the latitude's cosine (computed once per report, not
 * per search) and the capability as a bit ({@link CapabilityBits}), all changed together.
 */
record FiledUnit(IndexedUnit unit, long cell, double latRad, double lonRad, double cosLat, long capabilityBit) {

    static FiledUnit of(IndexedUnit unit, long cell, long capabilityBit) {
        double lat = Math.toRadians(unit.position().lat());
        return new FiledUnit(unit, cell, lat, Math.toRadians(unit.position().lon()), Math.cos(lat), capabilityBit);
    }

    String id() {
        return unit.unitId();
    }
}
