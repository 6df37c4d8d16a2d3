package org.sahaya.geo.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.sahaya.geo.GeoPoint;

class AreaClassifierTest {

    private final AreaClassifier bengaluru = AreaClassifier.bengaluru();

    @Test
    void placesBengaluruNeighbourhoodsInTheirRings() {
        assertThat(bengaluru.classify(GeoPoint.of(12.9755, 77.6069))).isEqualTo(AreaType.URBAN_CORE); // MG Road
        assertThat(bengaluru.classify(GeoPoint.of(13.0358, 77.5970))).isEqualTo(AreaType.URBAN); // Hebbal
        assertThat(bengaluru.classify(GeoPoint.of(12.8452, 77.6602))).isEqualTo(AreaType.SUBURBAN); // Electronic City
    }

    @Test
    void rejectsACoreWiderThanTheCity() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AreaClassifier.rings(GeoPoint.of(0, 0), 10_000, 5_000));
    }
}
