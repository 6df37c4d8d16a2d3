package org.sahaya.loadtest.city;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CityTablesTest {

    @Test
    void theHighestSustainedRateIsTheLastOfAnUnbrokenRunOfMetGoalsFromTheLowestRate() {
        TreeMap<Integer, Boolean> met = new TreeMap<>();
        met.put(10, true);
        met.put(20, true);
        met.put(40, false);
        met.put(80, true); // met above a rate that failed: not sustained

        assertThat(CityTables.highestSustained(met)).isEqualTo("20 alerts/s");
    }

    @Test
    void noneWhenTheLowestRateAlreadyMissed() {
        TreeMap<Integer, Boolean> met = new TreeMap<>();
        met.put(10, false);
        met.put(20, true);

        assertThat(CityTables.highestSustained(met)).isEqualTo("none of the rates tried");
    }

    @Test
    void theTopRateWhenEveryRateMet() {
        TreeMap<Integer, Boolean> met = new TreeMap<>();
        met.put(40, true);
        met.put(80, true);

        assertThat(CityTables.highestSustained(met)).isEqualTo("80 alerts/s");
    }
}
