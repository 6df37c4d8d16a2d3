package org.sahaya.geo.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sahaya.geo.index.RandomFleet.BENGALURU;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sahaya.geo.GeoPoint;

class AvailableCountsTest {

    private static final GeoPoint SCENE = GeoPoint.of(12.9716, 77.5946);

    private final UnitIndex index = new UnitIndex();

    @Test
    void aFleetThatIsAllOutAnswersEmpty() {
        for (int i = 0; i < 44; i++) {
            index.upsert("KA-" + i, GeoPoint.of(12.90 + i * 0.003, 77.55 + i * 0.002), i % 2 == 0 ? "ALS" : "BLS", false);
        }

        assertThat(index.nearestAvailable(SCENE, 8, Set.of("ALS", "BLS"), 60_000)).isEmpty();
        assertThat(index.availableWith("ALS")).isZero();
        assertThat(index.availableWith("BLS")).isZero();
    }

    @Test
    void anEmptyIndexAnswersEmptyButStillRejectsBadArguments() {
        assertThat(index.nearestAvailable(SCENE, 8, Set.of("ALS"), 60_000)).isEmpty();
        assertThatThrownBy(() -> index.nearestAvailable(SCENE, 0, Set.of("ALS"), 60_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.nearestAvailable(SCENE, 1, Set.of("ALS"), Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyUnitsOfOtherCapabilitiesFreeAnswersEmptyForTheWantedOnes() {
        index.upsert("KA-1", GeoPoint.of(12.9720, 77.5946), "BLS", true);
        index.upsert("KA-2", GeoPoint.of(12.9800, 77.5946), "ALS", false);

        assertThat(index.nearestAvailable(SCENE, 1, Set.of("ALS"), 60_000)).isEmpty();
        assertThat(index.nearestAvailable(SCENE, 1, Set.of("ALS", "BLS"), 60_000))
                .extracting(Candidate::unitId).containsExactly("KA-1");
    }

    @Test
    void countsFollowStatusCapabilityAndRemoval() {
        index.upsert("KA-1", GeoPoint.of(12.9720, 77.5946), "ALS", true);
        index.upsert("KA-2", GeoPoint.of(12.9800, 77.5946), "ALS", true);
        assertThat(index.availableWith("ALS")).isEqualTo(2);

        index.upsert("KA-1", GeoPoint.of(12.9730, 77.5950), "ALS", true); // a position report changes nothing
        assertThat(index.availableWith("ALS")).isEqualTo(2);

        index.upsert("KA-1", GeoPoint.of(12.9730, 77.5950), "ALS", false); // took a call
        assertThat(index.availableWith("ALS")).isEqualTo(1);

        index.upsert("KA-1", GeoPoint.of(12.9730, 77.5950), "ALS", false); // still busy, moving
        assertThat(index.availableWith("ALS")).isEqualTo(1);

        index.upsert("KA-1", GeoPoint.of(12.9730, 77.5950), "BLS", true); // free again, downgraded kit
        assertThat(index.availableWith("ALS")).isEqualTo(1);
        assertThat(index.availableWith("BLS")).isEqualTo(1);

        index.remove("KA-2");
        index.remove("KA-2"); // unknown now: a no-op
        assertThat(index.availableWith("ALS")).isZero();
        assertThat(index.nearestAvailable(SCENE, 1, Set.of("ALS"), 60_000)).isEmpty();

        index.upsert("KA-2", GeoPoint.of(12.9800, 77.5946), "ALS", true); // back on shift
        assertThat(index.nearestAvailable(SCENE, 1, Set.of("ALS"), 60_000))
                .extracting(Candidate::unitId).containsExactly("KA-2");
    }

    @Test
    void countsMatchTheUnitsAfterManyRandomChanges() {
        RandomFleet fleet = new RandomFleet(7);
        List<IndexedUnit> units = fleet.units(2_000, BENGALURU, 0.25);
        for (int round = 0; round < 3; round++) {
            for (IndexedUnit u : units) {
                boolean available = fleet.random().nextBoolean();
                String capability = fleet.random().nextBoolean() ? "ALS" : "BLS";
                index.upsert(u.unitId(), fleet.pointAround(BENGALURU, 0.2), capability, available);
            }
        }
        for (int i = 0; i < units.size(); i += 3) {
            index.remove(units.get(i).unitId());
        }

        for (String capability : List.of("ALS", "BLS")) {
            long expected = units.stream().map(u -> index.get(u.unitId()))
                    .flatMap(java.util.Optional::stream)
                    .filter(u -> u.available() && u.capability().equals(capability)).count();
            assertThat(index.availableWith(capability)).as(capability).isEqualTo((int) expected);
        }
    }
}
