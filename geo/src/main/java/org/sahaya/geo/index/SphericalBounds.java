package org.sahaya.geo.index;

/**
 * A cheap bracket around the exact geodesic distance: the great-circle distance on a sphere of
 * the mean Earth radius, widened by {@link #MARGIN} either way.
 *
 * <p>Why: the exact ellipsoidal distance (GeographicLib) costs about a microsecond, the spherical
 * one a few dozen nanoseconds. A search brackets every matching unit cheaply and pays for the
 * exact distance only for the few whose bracket can still reach the k best, so ranking stays
 * exact while most of the arithmetic is skipped.
 *
 * <p>The bound: treating geodetic latitude as spherical latitude, the local scale of the sphere
 * differs from the ellipsoid's by the ratio of R (6,371.0088 km) to the meridian or
 * prime-vertical radius of curvature, 6,335-6,400 km, so within -0.56 % and +0.46 %; 1 % covers it
 * with room, and SphericalBoundsTest checks it on random pairs across the globe.
 */
final class SphericalBounds {

    static final double MARGIN = 0.01;
    private static final double MEAN_RADIUS_METRES = 6_371_008.8;

    private SphericalBounds() {
    }

    /**
     * Great-circle distance in metres by haversine, from radians and the cosines of both
     * latitudes, which callers precompute once per point.
     */
    static double sphericalMetres(double lat1, double lon1, double cosLat1, double lat2, double lon2, double cosLat2) {
        double sinHalfDLat = Math.sin((lat2 - lat1) * 0.5);
        double sinHalfDLon = Math.sin((lon2 - lon1) * 0.5);
        double h = sinHalfDLat * sinHalfDLat + cosLat1 * cosLat2 * sinHalfDLon * sinHalfDLon;
        return 2.0 * MEAN_RADIUS_METRES * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    /** The exact distance is at least this. */
    static double lower(double sphericalMetres) {
        return sphericalMetres * (1.0 - MARGIN);
    }

    /** The exact distance is at most this. */
    static double upper(double sphericalMetres) {
        return sphericalMetres * (1.0 + MARGIN);
    }
}
