package org.sahaya.geo.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahaya.geo.index.RandomFleet.BENGALURU;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.sahaya.geo.GeoPoint;

class NearestAvailableTest {

    private final UnitIndex index = new UnitIndex();

    @Test
    void findsTheSameUnitsAsMeasuringEveryAvailableUnitOfTheWantedCapabilities() {
        RandomFleet fleet = new RandomFleet(11);
        List<IndexedUnit> units = fleet.units(5_000, BENGALURU, 0.25);
        units.forEach(u -> index.upsert(u.unitId(), u.position(), u.capability(), u.available()));
        List<Set<String>> wanted = List.of(Set.of("ALS"), Set.of("BLS"), Set.of("ALS", "BLS"), Set.of("NEONATAL"));

        for (int query = 0; query < 300; query++) {
            GeoPoint from = fleet.pointAround(BENGALURU, 0.3);
            int k = 1 + fleet.random().nextInt(10);
            Set<String> capabilities = wanted.get(query % wanted.size());
            Predicate<IndexedUnit> sameFilter = u -> u.available() && capabilities.contains(u.capability());

            assertThat(index.nearestAvailable(from, k, capabilities, 30_000))
                    .as("query %d from %s, k=%d, %s", query, from, k, capabilities)
                    .isEqualTo(BruteForce.nearest(units, from, k, sameFilter, 30_000));
        }
    }

    @Test
    void followsAvailabilityAndCapabilityChanges() {
        GeoPoint scene = GeoPoint.of(12.9716, 77.5946);
        index.upsert("KA-1", GeoPoint.of(12.9720, 77.5946), "ALS", true);
        index.upsert("KA-2", GeoPoint.of(12.9800, 77.5946), "ALS", true);

        index.upsert("KA-1", GeoPoint.of(12.9720, 77.5946), "ALS", false); // took a call
        assertThat(index.nearestAvailable(scene, 1, Set.of("ALS"), 10_000)).extracting(Candidate::unitId).containsExactly("KA-2");

        index.upsert("KA-1", GeoPoint.of(12.9720, 77.5946), "BLS", true); // downgraded kit, free again
        assertThat(index.nearestAvailable(scene, 1, Set.of("ALS"), 10_000)).extracting(Candidate::unitId).containsExactly("KA-2");
        assertThat(index.nearestAvailable(scene, 1, Set.of("BLS"), 10_000)).extracting(Candidate::unitId).containsExactly("KA-1");
    }

    @Test
    void moreThanSixtyFourCapabilitiesStillMatchByName() {
        GeoPoint scene = GeoPoint.of(12.9716, 77.5946);
        for (int i = 0; i < 70; i++) {
            index.upsert("KA-" + i, GeoPoint.of(12.9716 + i * 0.001, 77.5946), "KIT-" + i, true);
        }

        assertThat(index.nearestAvailable(scene, 3, Set.of("KIT-68", "KIT-3", "KIT-69"), 20_000))
                .extracting(Candidate::unitId).containsExactly("KA-3", "KA-68", "KA-69");
    }

    @Test
    void aSearchWhoseScratchOverflowsStillAnswersAndTheNextSearchStartsClean() {
        // 500 matching units in one spot: far beyond the scratch's first 64 slots and 128 hash slots.
        GeoPoint scene = GeoPoint.of(12.9716, 77.5946);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String id = "KA-%03d".formatted(i);
            ids.add(id);
            index.upsert(id, GeoPoint.of(12.9716 + (i % 20) * 1e-5, 77.5946 + (i / 20) * 1e-5), "ALS", true);
        }

        List<Candidate> all = index.nearestAvailable(scene, 500, Set.of("ALS"), 5_000);
        List<Candidate> one = index.nearestAvailable(scene, 1, Set.of("ALS"), 5_000);

        assertThat(all).extracting(Candidate::unitId).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();
        assertThat(one).extracting(Candidate::unitId).containsExactly("KA-000");
    }

    @Test
    void aFilterThatSearchesTheIndexItselfGetsItsOwnScratch() {
        GeoPoint scene = GeoPoint.of(12.9716, 77.5946);
        index.upsert("KA-1", GeoPoint.of(12.9720, 77.5946), "ALS", true);
        index.upsert("KA-2", GeoPoint.of(12.9800, 77.5946), "ALS", true);
        Predicate<IndexedUnit> reentrant = u -> !index.nearestAvailable(u.position(), 2, Set.of("ALS"), 10_000).isEmpty();

        assertThat(index.nearest(scene, 2, reentrant, 10_000)).extracting(Candidate::unitId).containsExactly("KA-1", "KA-2");
    }
}
