package org.sahaya.geo.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.sahaya.geo.index.RandomFleet.BENGALURU;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.GeodesicDistance;

class UnitIndexTest {

    private static final Predicate<IndexedUnit> ANY = u -> true;
    private static final Predicate<IndexedUnit> AVAILABLE = IndexedUnit::available;
    private static final Predicate<IndexedUnit> AVAILABLE_ALS = u -> u.available() && u.capability().equals("ALS");
    private static final double CITY_RADIUS = 50_000;

    private final UnitIndex index = new UnitIndex();

    @Test
    void findsTheSameNearestUnitsAsMeasuringEveryUnit() {
        RandomFleet fleet = new RandomFleet(20_240_601);
        List<IndexedUnit> units = fleet.units(5_000, BENGALURU, 0.25);
        units.forEach(u -> index.upsert(u.unitId(), u.position(), u.capability(), u.available()));
        List<Predicate<IndexedUnit>> filters = List.of(ANY, AVAILABLE, AVAILABLE_ALS);
        double[] radii = {2_000, 10_000, CITY_RADIUS};

        for (int query = 0; query < 300; query++) {
            GeoPoint from = fleet.pointAround(BENGALURU, 0.3); // some origins outside the fleet's box
            int k = 1 + fleet.random().nextInt(10);
            Predicate<IndexedUnit> filter = filters.get(query % filters.size());
            double radius = radii[fleet.random().nextInt(radii.length)];

            assertThat(index.nearest(from, k, filter, radius))
                    .as("query %d from %s, k=%d, radius %.0f m", query, from, k, radius)
                    .isEqualTo(BruteForce.nearest(units, from, k, filter, radius));
        }
    }

    @Test
    void ranksByExactDistanceAndReportsIt() {
        GeoPoint patient = GeoPoint.of(12.9716, 77.5946);
        index.upsert("far", GeoPoint.of(12.9900, 77.5946), "ALS", true);
        index.upsert("near", GeoPoint.of(12.9750, 77.5946), "ALS", true);

        List<Candidate> found = index.nearest(patient, 2, ANY, CITY_RADIUS);

        assertThat(found).extracting(Candidate::unitId).containsExactly("near", "far");
        assertThat(found.getFirst().distanceMetres())
                .isCloseTo(GeodesicDistance.metres(patient, GeoPoint.of(12.9750, 77.5946)), within(1e-9));
        assertThat(found.getFirst().capability()).isEqualTo("ALS");
    }

    @Test
    void skipsCloserUnitsThatDoNotPassTheFilter() {
        index.upsert("bls-next-door", GeoPoint.of(12.9717, 77.5947), "BLS", true);
        index.upsert("als-across-town", GeoPoint.of(13.0300, 77.6400), "ALS", true);

        assertThat(index.nearest(BENGALURU, 1, u -> u.capability().equals("ALS"), CITY_RADIUS))
                .extracting(Candidate::unitId).containsExactly("als-across-town");
    }

    @Test
    void unavailableUnitsAreLeftOutByTheAvailabilityFilterAndBackWhenFreed() {
        index.upsert("busy", GeoPoint.of(12.9710, 77.5900), "ALS", false);
        index.upsert("free", GeoPoint.of(12.9900, 77.6100), "ALS", true);
        assertThat(index.nearest(BENGALURU, 1, AVAILABLE, CITY_RADIUS)).extracting(Candidate::unitId).containsExactly("free");

        index.upsert("busy", GeoPoint.of(12.9710, 77.5900), "ALS", true);

        assertThat(index.nearest(BENGALURU, 1, AVAILABLE, CITY_RADIUS)).extracting(Candidate::unitId).containsExactly("busy");
    }

    @Test
    void aMovedUnitIsFoundOnlyWhereItIsNow() {
        GeoPoint whitefield = GeoPoint.of(12.9698, 77.7500);
        GeoPoint jayanagar = GeoPoint.of(12.9250, 77.5938);
        index.upsert("KA-01", whitefield, "ALS", true);

        index.upsert("KA-01", jayanagar, "ALS", true);

        assertThat(index.nearest(whitefield, 1, ANY, 3_000)).isEmpty();
        assertThat(index.nearest(jayanagar, 5, ANY, 3_000))
                .singleElement().satisfies(c -> assertThat(c.position()).isEqualTo(jayanagar));
        assertThat(index.size()).isOne();
        assertThat(index.cellMemberships()).isOne();
    }

    @Test
    void aRemovedUnitIsNeverReturnedAndRemovingAnUnknownUnitIsHarmless() {
        index.upsert("KA-01", BENGALURU, "ALS", true);
        index.upsert("KA-02", GeoPoint.of(12.98, 77.60), "ALS", true);

        index.remove("KA-01");
        index.remove("never-indexed");

        assertThat(index.nearest(BENGALURU, 5, ANY, CITY_RADIUS)).extracting(Candidate::unitId).containsExactly("KA-02");
        assertThat(index.get("KA-01")).isEmpty();
        assertThat(index.size()).isOne();
        assertThat(index.cellMemberships()).isOne();
    }

    @Test
    void unitsBeyondTheRadiusAreNotCandidates() {
        index.upsert("1km", GeoPoint.of(12.979, 77.59), "ALS", true);
        index.upsert("5km", GeoPoint.of(13.015, 77.59), "ALS", true);

        assertThat(index.nearest(BENGALURU, 5, ANY, 3_000)).extracting(Candidate::unitId).containsExactly("1km");
        assertThat(index.nearest(BENGALURU, 5, ANY, 6_000)).extracting(Candidate::unitId).containsExactly("1km", "5km");
    }

    @Test
    void findsALoneUnitManyRingsAway() {
        GeoPoint hosur = GeoPoint.of(12.7409, 77.8253); // ~35 km from the centre, ~45 rings at res 8
        index.upsert("hosur", hosur, "BLS", true);

        assertThat(index.nearest(BENGALURU, 3, ANY, CITY_RADIUS)).extracting(Candidate::unitId).containsExactly("hosur");
    }

    @Test
    void unitsAtTheSameSpotAreOrderedById() {
        index.upsert("b", BENGALURU, "ALS", true);
        index.upsert("a", BENGALURU, "ALS", true);

        assertThat(index.nearest(BENGALURU, 2, ANY, 100)).extracting(Candidate::unitId).containsExactly("a", "b");
    }

    @Test
    void anEmptyIndexAnswersWithNoCandidates() {
        assertThat(index.nearest(BENGALURU, 3, ANY, CITY_RADIUS)).isEmpty();
    }

    @Test
    void getReturnsTheLatestSnapshot() {
        index.upsert("KA-01", BENGALURU, "BLS", true);
        index.upsert("KA-01", BENGALURU, "ALS", false);

        assertThat(index.get("KA-01")).contains(new IndexedUnit("KA-01", BENGALURU, "ALS", false));
    }

    @Test
    void rejectsANonsensicalK() {
        assertThatIllegalArgumentException().isThrownBy(() -> index.nearest(BENGALURU, 0, ANY, 1_000))
                .withMessageContaining("k must be at least 1");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsARadiusThatIsNotPositiveAndFinite(double radius) {
        assertThatIllegalArgumentException().isThrownBy(() -> index.nearest(BENGALURU, 1, ANY, radius))
                .withMessageContaining("maxRadiusMetres");
    }

    @Test
    void rejectsABlankUnitIdOrCapability() {
        assertThatIllegalArgumentException().isThrownBy(() -> index.upsert(" ", BENGALURU, "ALS", true));
        assertThatIllegalArgumentException().isThrownBy(() -> index.upsert("KA-01", BENGALURU, "", true));
        assertThat(index.size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 16})
    void rejectsAnH3ResolutionThatDoesNotExist(int resolution) {
        assertThatIllegalArgumentException().isThrownBy(() -> new UnitIndex(resolution))
                .withMessageContaining("resolution");
    }
}
