package org.sahaya.geo.eta;

import java.util.Objects;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.GeodesicDistance;

/**
 * Says which {@link AreaType} a point lies in. A seam: rings around a centre are a fair first cut
 * for a radial city like Bengaluru; ward polygons (a {@link org.sahaya.geo.area.ServiceArea} per
 * type) can replace them without changing the ETA model.
 */
@FunctionalInterface
public interface AreaClassifier {

    AreaType classify(GeoPoint point);

    /**
     * Concentric rings: {@link AreaType#URBAN_CORE} within {@code coreRadiusMetres} of
     * {@code centre}, {@link AreaType#URBAN} within {@code urbanRadiusMetres}, suburban beyond.
     *
     * @throws IllegalArgumentException unless {@code 0 < coreRadius <= urbanRadius}
     */
    static AreaClassifier rings(GeoPoint centre, double coreRadiusMetres, double urbanRadiusMetres) {
        Objects.requireNonNull(centre, "centre");
        if (!(coreRadiusMetres > 0 && coreRadiusMetres <= urbanRadiusMetres && Double.isFinite(urbanRadiusMetres))) {
            throw new IllegalArgumentException("need 0 < coreRadiusMetres <= urbanRadiusMetres, finite; was "
                    + coreRadiusMetres + " and " + urbanRadiusMetres);
        }
        return point -> {
            double fromCentre = GeodesicDistance.metres(centre, point);
            if (fromCentre <= coreRadiusMetres) {
                return AreaType.URBAN_CORE;
            }
            return fromCentre <= urbanRadiusMetres ? AreaType.URBAN : AreaType.SUBURBAN;
        };
    }

    /**
     * Bengaluru: the core is 5 km around the central business district (MG Road, Majestic,
     * Shivajinagar), the city out to 13 km (about the Outer Ring Road), suburbs beyond.
     */
    static AreaClassifier bengaluru() {
        return rings(new GeoPoint(12.9716, 77.5946), 5_000, 13_000);
    }
}
