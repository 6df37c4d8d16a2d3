package org.sahaya.geo.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sahaya.geo.GeoPoint;

/** Seeded random ambulances and places around Bengaluru, so failures reproduce. */
final class RandomFleet {

    static final GeoPoint BENGALURU = GeoPoint.of(12.97, 77.59);

    private final Random random;

    RandomFleet(long seed) {
        this.random = new Random(seed);
    }

    /** A point within ±{@code spanDegrees} of the city centre (0.25 degrees is ~27 km). */
    GeoPoint pointAround(GeoPoint centre, double spanDegrees) {
        return GeoPoint.of(centre.lat() + (random.nextDouble() * 2 - 1) * spanDegrees,
                centre.lon() + (random.nextDouble() * 2 - 1) * spanDegrees);
    }

    List<IndexedUnit> units(int count, GeoPoint centre, double spanDegrees) {
        List<IndexedUnit> units = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            units.add(new IndexedUnit("KA-%05d".formatted(i), pointAround(centre, spanDegrees),
                    random.nextInt(3) == 0 ? "ALS" : "BLS", random.nextInt(5) != 0));
        }
        return units;
    }

    Random random() {
        return random;
    }
}
