package org.sahaya.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;

/**
 * Shortest distance over the WGS84 ellipsoid between two points, accurate to nanometres.
 *
 * <p>Why not haversine: a sphere is off by up to 0.5 %, which is tens of metres across a city,
 * enough to flip the ranking of two ambulances that are nearly equally far. GeographicLib's
 * solution of the inverse problem is exact and still costs only about a microsecond.
 *
 * <p>This is straight-line (as the crow flies) distance; road distance and travel time are the job
 * of {@link org.sahaya.geo.eta.EtaModel}.
 */
public final class GeodesicDistance {

    private GeodesicDistance() {
    }

    /**
     * Geodesic distance between two points.
     *
     * @return the distance in metres, never negative; 0 for the same point
     */
    public static double metres(GeoPoint from, GeoPoint to) {
        // Asking only for DISTANCE skips the azimuth and area series that a full Inverse computes.
        return Geodesic.WGS84.Inverse(from.lat(), from.lon(), to.lat(), to.lon(), GeodesicMask.DISTANCE).s12;
    }
}
