package org.sahaya.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeoPointTest {

    @Test
    void acceptsPolesAndTheAntimeridian() {
        assertThat(new GeoPoint(90, 180)).isEqualTo(GeoPoint.of(90.0, 180.0));
        assertThat(new GeoPoint(-90, -180).lat()).isEqualTo(-90.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {90.000001, -90.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void rejectsALatitudeThatIsNotOnEarth(double lat) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GeoPoint(lat, 77.59))
                .withMessageContaining("latitude")
                .withMessageContaining(String.valueOf(lat));
    }

    @ParameterizedTest
    @ValueSource(doubles = {180.000001, -181, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void rejectsALongitudeThatIsNotOnEarth(double lon) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GeoPoint(12.97, lon))
                .withMessageContaining("longitude")
                .withMessageContaining(String.valueOf(lon));
    }
}
