package org.sahaya.geo.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahaya.geo.GeoPoint;

class ServiceAreaTest {

    /** A box around central Bengaluru, 12.90-13.05 N, 77.50-77.70 E. */
    private static final List<GeoPoint> CENTRAL_BOX = List.of(
            GeoPoint.of(12.90, 77.50), GeoPoint.of(12.90, 77.70), GeoPoint.of(13.05, 77.70), GeoPoint.of(13.05, 77.50));
    private static final String CENTRAL_BOX_WKT =
            "POLYGON ((77.50 12.90, 77.70 12.90, 77.70 13.05, 77.50 13.05, 77.50 12.90))";

    private static final GeoPoint MG_ROAD = GeoPoint.of(12.9755, 77.6069);
    private static final GeoPoint KEMPEGOWDA_AIRPORT = GeoPoint.of(13.1989, 77.7068);

    @Test
    void containsPointsInsideAndOnTheOutlineButNotOutside() {
        ServiceArea central = ServiceArea.of("central", CENTRAL_BOX);

        assertThat(central.contains(MG_ROAD)).isTrue();
        assertThat(central.contains(GeoPoint.of(12.90, 77.60))).as("on the southern edge").isTrue();
        assertThat(central.contains(KEMPEGOWDA_AIRPORT)).isFalse();
    }

    @Test
    void pointsAndWktDescribeTheSameAreaDespiteOppositeAxisOrder() {
        ServiceArea fromPoints = ServiceArea.of("central", CENTRAL_BOX);
        ServiceArea fromWkt = ServiceArea.fromWkt("central", CENTRAL_BOX_WKT);
        // 77.6 N, 12.95 E is in the Arctic; it is inside only if someone swapped lat and lon.
        GeoPoint swapped = GeoPoint.of(77.6, 12.95);

        for (ServiceArea area : List.of(fromPoints, fromWkt)) {
            assertThat(area.contains(MG_ROAD)).isTrue();
            assertThat(area.contains(swapped)).isFalse();
        }
        assertThat(ServiceArea.fromWkt("again", fromPoints.toWkt()).contains(MG_ROAD)).isTrue();
    }

    @Test
    void anExplicitlyClosedOutlineIsAcceptedAsIs() {
        List<GeoPoint> closed = List.of(CENTRAL_BOX.get(0), CENTRAL_BOX.get(1), CENTRAL_BOX.get(2), CENTRAL_BOX.get(0));

        assertThat(ServiceArea.of("triangle", closed).contains(GeoPoint.of(12.91, 77.68))).isTrue();
    }

    @Test
    void aHoleIsNotPartOfTheArea() {
        ServiceArea aroundTheLake = ServiceArea.fromWkt("around-the-lake", "POLYGON ((77.50 12.90, 77.70 12.90, 77.70 13.05,"
                + " 77.50 13.05, 77.50 12.90), (77.60 12.95, 77.62 12.95, 77.62 12.97, 77.60 12.97, 77.60 12.95))");

        assertThat(aroundTheLake.contains(GeoPoint.of(12.96, 77.61))).isFalse();
        assertThat(aroundTheLake.contains(MG_ROAD)).isTrue();
        assertThat(aroundTheLake.name()).isEqualTo("around-the-lake");
    }

    @Test
    void rejectsAnOutlineWithFewerThanThreeCorners() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceArea.of("line", List.of(MG_ROAD, KEMPEGOWDA_AIRPORT, MG_ROAD)))
                .withMessageContaining("3 distinct vertices");
    }

    @Test
    void rejectsAnOutlineThatCrossesItself() {
        List<GeoPoint> bowTie = List.of(CENTRAL_BOX.get(0), CENTRAL_BOX.get(2), CENTRAL_BOX.get(1), CENTRAL_BOX.get(3));

        assertThatIllegalArgumentException().isThrownBy(() -> ServiceArea.of("bow-tie", bowTie))
                .withMessageContaining("valid polygon");
    }

    @Test
    void rejectsWktThatIsNotAPolygonInDegrees() {
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceArea.fromWkt("dot", "POINT (77.6 12.97)"))
                .withMessageContaining("must be a POLYGON");
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceArea.fromWkt("typo", "POLYGN ((0 0, 1 0, 1 1, 0 0))"))
                .withMessageContaining("not valid WKT");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceArea.fromWkt("off-globe", "POLYGON ((77 95, 78 95, 78 96, 77 95))"))
                .withMessageContaining("latitude");
    }

    @Test
    void rejectsABlankName() {
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceArea.of(" ", CENTRAL_BOX));
    }
}
