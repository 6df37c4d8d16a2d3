package org.sahaya.geo.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.GeodesicDistance;

class SphericalBoundsTest {

    @Test
    void theBracketHoldsTheExactDistanceAnywhereOnEarth() {
        Random random = new Random(7);
        double worstRatioOff = 0;
        for (int i = 0; i < 200_000; i++) {
            GeoPoint a = GeoPoint.of(random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180);
            // Half the pairs city-close, half anywhere: the search uses both.
            GeoPoint b = i % 2 == 0
                    ? GeoPoint.of(Math.clamp(a.lat() + random.nextGaussian() * 0.2, -90, 90),
                            Math.clamp(a.lon() + random.nextGaussian() * 0.2, -180, 180))
                    : GeoPoint.of(random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180);
            double exact = GeodesicDistance.metres(a, b);
            double spherical = spherical(a, b);

            assertThat(exact).as("%s to %s", a, b)
                    .isBetween(SphericalBounds.lower(spherical) - 1e-6, SphericalBounds.upper(spherical) + 1e-6);
            if (exact > 1) {
                worstRatioOff = Math.max(worstRatioOff, Math.abs(spherical / exact - 1));
            }
        }
        // The margin is not wasted either: it is about twice the worst error seen.
        assertThat(worstRatioOff).isLessThan(SphericalBounds.MARGIN).isGreaterThan(SphericalBounds.MARGIN / 4);
    }

    private static double spherical(GeoPoint a, GeoPoint b) {
        double la = Math.toRadians(a.lat());
        double lb = Math.toRadians(b.lat());
        return SphericalBounds.sphericalMetres(la, Math.toRadians(a.lon()), Math.cos(la),
                lb, Math.toRadians(b.lon()), Math.cos(lb));
    }
}
