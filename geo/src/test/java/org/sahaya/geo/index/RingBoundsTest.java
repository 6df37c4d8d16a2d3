package org.sahaya.geo.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.h3core.H3Core;
import java.io.IOException;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.GeodesicDistance;

class RingBoundsTest {

    private final H3Grid grid = new H3Grid(H3Grid.DEFAULT_RESOLUTION);

    /**
     * The property the search relies on: a point in a cell g steps from the origin's cell is at
     * least {@code unsearchedAtLeast(g - 1)} from the origin. Were it ever farther than the truth,
     * a search could stop one ring too early and miss the nearest ambulance.
     */
    @ParameterizedTest(name = "around {0}, {1}")
    @CsvSource({"12.97, 77.59", "13.10, 77.45", "28.61, 77.21", "59.33, 18.07", "-33.87, 151.21"})
    void neverPromisesMoreDistanceThanThereIs(double lat, double lon) throws IOException {
        H3Core h3 = H3Core.newInstance();
        RandomFleet random = new RandomFleet(Double.hashCode(lat * lon));
        for (int sample = 0; sample < 20_000; sample++) {
            GeoPoint origin = random.pointAround(GeoPoint.of(lat, lon), 0.1);
            GeodesicData away = Geodesic.WGS84.Direct(origin.lat(), origin.lon(),
                    random.random().nextDouble() * 360, random.random().nextDouble() * 60_000);
            GeoPoint target = GeoPoint.of(away.lat2, away.lon2);
            long originCell = grid.cellOf(origin);
            int steps = (int) h3.gridDistance(originCell, grid.cellOf(target));

            double bound = grid.ringBoundsAround(originCell).unsearchedAtLeast(steps - 1);

            assertThat(GeodesicDistance.metres(origin, target))
                    .as("%s to %s, %d steps", origin, target, steps)
                    .isGreaterThanOrEqualTo(bound);
        }
    }

    @Test
    void promisesNothingBeforeTheFirstRingAndGrowsAboutOneAndAHalfEdgesPerRing() {
        RingBounds bounds = grid.ringBoundsAround(grid.cellOf(RandomFleet.BENGALURU));

        assertThat(bounds.unsearchedAtLeast(0)).isZero();
        double perRing = bounds.unsearchedAtLeast(11) - bounds.unsearchedAtLeast(10);
        // Resolution 8 edges are ~0.46 km; a regular grid gains 1.5 circumradii per ring.
        assertThat(perRing).isBetween(0.9 * 1.5 * 400, 1.5 * 530);
    }
}
