package org.sahaya.geo.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahaya.geo.GeoPoint;

/** H3 has 12 pentagons per resolution; none near India, but the index must not break on one. */
class PentagonTest {

    @Test
    void ringsNearAPentagonHoldTheSameCellsAsTheSafeDiskWalk() throws IOException {
        H3Core h3 = H3Core.newInstance();
        H3Grid grid = new H3Grid(H3Grid.DEFAULT_RESOLUTION);
        for (String address : h3.getPentagonAddresses(H3Grid.DEFAULT_RESOLUTION)) {
            long pentagon = h3.stringToH3(address);
            for (long origin : h3.gridDisk(pentagon, 2)) {
                List<List<Long>> safeRings = h3.gridDiskDistances(origin, 6);
                for (int k = 0; k <= 6; k++) {
                    assertThat(grid.ring(origin, k)).as("ring %d around %x", k, origin)
                            .containsExactlyInAnyOrderElementsOf(safeRings.get(k));
                }
            }
        }
    }

    @Test
    void searchesNextToAPentagonMatchMeasuringEveryUnit() throws IOException {
        H3Core h3 = H3Core.newInstance();
        for (String pentagon : h3.getPentagonAddresses(H3Grid.DEFAULT_RESOLUTION)) {
            LatLng c = h3.cellToLatLng(pentagon);
            GeoPoint centre = GeoPoint.of(c.lat, c.lng);
            RandomFleet fleet = new RandomFleet(pentagon.hashCode());
            List<IndexedUnit> units = fleet.units(1_000, centre, 0.1);
            UnitIndex index = new UnitIndex();
            units.forEach(u -> index.upsert(u.unitId(), u.position(), u.capability(), u.available()));
            for (int query = 0; query < 50; query++) {
                GeoPoint from = fleet.pointAround(centre, 0.05);
                assertThat(index.nearest(from, 5, IndexedUnit::available, 20_000))
                        .as("pentagon %s, query from %s", pentagon, from)
                        .isEqualTo(BruteForce.nearest(units, from, 5, IndexedUnit::available, 20_000));
            }
        }
    }
}
