package org.sahaya.geo;

/**
 * A position on the WGS84 ellipsoid, latitude and longitude in decimal degrees.
 *
 * <p>This is the only point type of the geo library: every distance, index and area takes it, so a
 * swapped or garbage coordinate is rejected once, here, instead of silently producing a unit on
 * the wrong continent. Latitude comes first, as people say it ("12.97 N, 77.59 E"); geometry
 * libraries that want x/y order (JTS) convert at their own boundary.
 *
 * @param lat latitude in degrees, within [-90, 90]
 * @param lon longitude in degrees, within [-180, 180]
 */
public record GeoPoint(double lat, double lon) {

    /**
     * @throws IllegalArgumentException if a coordinate is NaN, infinite or out of range
     */
    public GeoPoint {
        // The negated range checks also reject NaN, which compares false with everything.
        if (!(lat >= -90.0 && lat <= 90.0)) {
            throw new IllegalArgumentException("latitude must be a number within [-90, 90] degrees, was " + lat);
        }
        if (!(lon >= -180.0 && lon <= 180.0)) {
            throw new IllegalArgumentException("longitude must be a number within [-180, 180] degrees, was " + lon);
        }
    }

    /** Same as the constructor; reads better at call sites that build many points. */
    public static GeoPoint of(double lat, double lon) {
        return new GeoPoint(lat, lon);
    }
}
