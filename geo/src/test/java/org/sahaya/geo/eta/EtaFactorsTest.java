package org.sahaya.geo.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EtaFactorsTest {

    private static final Map<AreaType, Double> SPEEDS =
            Map.of(AreaType.URBAN_CORE, 20.0, AreaType.URBAN, 27.0, AreaType.SUBURBAN, 36.0);
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Test
    void bengaluruPeakIsSlowerThanOffPeakInEveryArea() {
        EtaFactors defaults = EtaFactors.bengaluru();
        for (AreaType area : AreaType.values()) {
            assertThat(defaults.speedKmh(area, 9)).isLessThan(defaults.speedKmh(area, 14));
        }
        assertThat(defaults.speedKmh(AreaType.URBAN_CORE, 14)).isLessThan(defaults.speedKmh(AreaType.SUBURBAN, 14));
    }

    @Test
    void rejectsADetourShorterThanTheStraightLine() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EtaFactors(0.9, SPEEDS, 0.6, Set.of(9), Duration.ofSeconds(60), IST))
                .withMessageContaining("detourFactor");
    }

    @Test
    void rejectsAnAreaTypeWithoutASpeed() {
        Map<AreaType, Double> noSuburbs = new HashMap<>(SPEEDS);
        noSuburbs.remove(AreaType.SUBURBAN);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EtaFactors(1.4, noSuburbs, 0.6, Set.of(9), Duration.ofSeconds(60), IST))
                .withMessageContaining("SUBURBAN");
    }

    @Test
    void rejectsAPeakRatioThatStopsOrSpeedsUpTraffic() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EtaFactors(1.4, SPEEDS, 0.0, Set.of(9), Duration.ofSeconds(60), IST));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EtaFactors(1.4, SPEEDS, 1.2, Set.of(9), Duration.ofSeconds(60), IST));
    }

    @Test
    void rejectsAnHourThatIsNotOnTheClockAndANegativeTurnout() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EtaFactors(1.4, SPEEDS, 0.6, Set.of(24), Duration.ofSeconds(60), IST))
                .withMessageContaining("peakHours");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EtaFactors(1.4, SPEEDS, 0.6, Set.of(9), Duration.ofSeconds(-1), IST))
                .withMessageContaining("turnout");
    }
}
