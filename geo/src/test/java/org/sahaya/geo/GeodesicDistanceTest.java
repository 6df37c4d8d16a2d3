package org.sahaya.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeodesicDistanceTest {

    @Test
    void oneDegreeOfLatitudeAtTheEquatorIsTheWgs84MeridianArc() {
        // 110 574.389 m: the WGS84 meridian arc from 0 to 1 degree north, a textbook value.
        assertThat(GeodesicDistance.metres(GeoPoint.of(0, 0), GeoPoint.of(1, 0))).isCloseTo(110_574.389, within(0.01));
    }

    @Test
    void oneDegreeOfLatitudeIsLongerNearThePoleBecauseTheEarthIsFlattened() {
        double nearEquator = GeodesicDistance.metres(GeoPoint.of(0, 0), GeoPoint.of(1, 0));
        double nearPole = GeodesicDistance.metres(GeoPoint.of(89, 0), GeoPoint.of(90, 0));
        assertThat(nearPole - nearEquator).isCloseTo(1_120, within(5.0));
    }

    @Test
    void matchesGeographicLibsPublishedJfkToHeathrowExample() {
        double metres = GeodesicDistance.metres(GeoPoint.of(40.6, -73.8), GeoPoint.of(51.6, -0.5));
        assertThat(metres).isCloseTo(5_551_759.400, within(0.001));
    }

    @Test
    void mgRoadToKempegowdaAirportIsAbout27KmAsTheCrowFlies() {
        // The drive is 33-35 km; the straight line is 26.99 km. A sphere (haversine, mean radius)
        // says 27.10 km: 110 m off, enough to reorder two ambulances, hence the ellipsoid.
        GeoPoint mgRoadMetro = GeoPoint.of(12.9755, 77.6069);
        GeoPoint airportTerminal = GeoPoint.of(13.1989, 77.7068);
        assertThat(GeodesicDistance.metres(mgRoadMetro, airportTerminal)).isCloseTo(26_985, within(5.0));
    }

    @Test
    void isZeroForTheSamePointAndSymmetric() {
        GeoPoint a = GeoPoint.of(12.97, 77.59);
        GeoPoint b = GeoPoint.of(13.02, 77.64);
        assertThat(GeodesicDistance.metres(a, a)).isZero();
        assertThat(GeodesicDistance.metres(a, b)).isEqualTo(GeodesicDistance.metres(b, a));
    }
}
