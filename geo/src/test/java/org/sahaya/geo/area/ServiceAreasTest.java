package org.sahaya.geo.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.index.Candidate;
import org.sahaya.geo.index.IndexedUnit;
import org.sahaya.geo.index.UnitIndex;

class ServiceAreasTest {

    private static final ServiceArea NORTH = ServiceArea.fromWkt("north",
            "POLYGON ((77.50 13.00, 77.70 13.00, 77.70 13.14, 77.50 13.14, 77.50 13.00))");
    private static final ServiceArea SOUTH = ServiceArea.fromWkt("south",
            "POLYGON ((77.50 12.83, 77.70 12.83, 77.70 13.00, 77.50 13.00, 77.50 12.83))");
    private static final GeoPoint HEBBAL = GeoPoint.of(13.0358, 77.5970);
    private static final GeoPoint JAYANAGAR = GeoPoint.of(12.9250, 77.5938);
    private static final GeoPoint MYSURU = GeoPoint.of(12.2958, 76.6394);

    @Test
    void aPointIsServedWhenAnyAreaCoversIt() {
        ServiceAreas areas = ServiceAreas.of(NORTH, SOUTH);

        assertThat(areas.contains(HEBBAL)).isTrue();
        assertThat(areas.contains(JAYANAGAR)).isTrue();
        assertThat(areas.contains(MYSURU)).isFalse();
        assertThat(areas.containing(HEBBAL)).containsExactly(NORTH);
        assertThat(areas.containing(GeoPoint.of(13.00, 77.60))).as("on the shared border")
                .containsExactlyInAnyOrder(NORTH, SOUTH);
    }

    @Test
    void areasAreFoundByName() {
        ServiceAreas areas = ServiceAreas.of(List.of(NORTH, SOUTH));

        assertThat(areas.named("south")).contains(SOUTH);
        assertThat(areas.named("east")).isEmpty();
        assertThat(areas.size()).isEqualTo(2);
    }

    @Test
    void twoAreasWithOneNameAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceAreas.of(NORTH, ServiceArea.fromWkt("north",
                        "POLYGON ((77.0 12.0, 77.1 12.0, 77.1 12.1, 77.0 12.0))")))
                .withMessageContaining("north");
    }

    @Test
    void anEmptySetServesNothing() {
        ServiceAreas none = ServiceAreas.of(List.of());

        assertThat(none.contains(HEBBAL)).isFalse();
        assertThat(none.servingUnitsFor(HEBBAL).test(new IndexedUnit("KA-1", HEBBAL, "ALS", true))).isFalse();
    }

    @Test
    void candidatesAreRestrictedToTheAreaServingTheScene() {
        UnitIndex index = new UnitIndex();
        index.upsert("north-near-border", GeoPoint.of(13.001, 77.60), "ALS", true);
        index.upsert("south-far", GeoPoint.of(12.95, 77.60), "ALS", true);
        ServiceAreas areas = ServiceAreas.of(NORTH, SOUTH);
        GeoPoint scene = GeoPoint.of(12.995, 77.60); // in the south, 700 m from the northern unit

        List<Candidate> any = index.nearest(scene, 1, IndexedUnit::available, 20_000);
        List<Candidate> served = index.nearest(scene, 1, areas.servingUnitsFor(scene), 20_000);

        assertThat(any).extracting(Candidate::unitId).containsExactly("north-near-border");
        assertThat(served).extracting(Candidate::unitId).containsExactly("south-far");
    }

    @Test
    void theDemoCityAreaCoversBengaluruAndNotItsNeighbours() {
        ServiceArea city = ServiceArea.bengaluru();

        assertThat(city.name()).isEqualTo("bengaluru");
        assertThat(city.contains(GeoPoint.of(12.9716, 77.5946))).as("MG Road").isTrue();
        assertThat(city.contains(GeoPoint.of(12.8452, 77.6602))).as("Electronic City").isTrue();
        assertThat(city.contains(GeoPoint.of(13.1007, 77.5963))).as("Yelahanka").isTrue();
        assertThat(city.contains(GeoPoint.of(13.1989, 77.7068))).as("Kempegowda airport").isFalse();
        assertThat(city.contains(MYSURU)).isFalse();
    }
}
