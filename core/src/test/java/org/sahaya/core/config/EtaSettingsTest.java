package org.sahaya.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtaSettingsTest {

    @TempDir
    Path dir;

    @Test
    void withoutConfigurationTheBengaluruFactorsApply() {
        EtaSettings eta = EtaSettings.from(Settings.of(Map.of()));

        assertThat(eta.detourFactor()).isEqualTo(1.4);
        assertThat(eta.urbanCoreKmh()).isEqualTo(20);
        assertThat(eta.urbanKmh()).isEqualTo(27);
        assertThat(eta.suburbanKmh()).isEqualTo(36);
        assertThat(eta.peakSpeedRatio()).isEqualTo(0.65);
        assertThat(eta.peakHours()).containsExactlyInAnyOrder(8, 9, 10, 17, 18, 19, 20);
        assertThat(eta.turnout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(eta.zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(eta.centreLat()).isEqualTo(12.9716);
        assertThat(eta.centreLon()).isEqualTo(77.5946);
        assertThat(eta.coreRadiusMetres()).isEqualTo(5_000);
        assertThat(eta.urbanRadiusMetres()).isEqualTo(13_000);
    }

    @Test
    void aCityCalibratesItsFactorsFromAPropertiesFile() throws IOException {
        Path file = dir.resolve("pune.properties");
        Files.writeString(file, """
                SAHAYA_ETA_DETOUR_FACTOR=1.3
                SAHAYA_ETA_URBAN_CORE_KMH=18.5
                SAHAYA_ETA_PEAK_HOURS=7-9, 18
                SAHAYA_ETA_TURNOUT_SECONDS=90
                SAHAYA_ETA_CENTRE=18.5204,73.8567
                """);

        EtaSettings eta = EtaSettings.from(Settings.load(Map.of("SAHAYA_CONFIG", file.toString()), Map.of()));

        assertThat(eta.detourFactor()).isEqualTo(1.3);
        assertThat(eta.urbanCoreKmh()).isEqualTo(18.5);
        assertThat(eta.urbanKmh()).isEqualTo(27);
        assertThat(eta.peakHours()).isEqualTo(Set.of(7, 8, 9, 18));
        assertThat(eta.turnout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(eta.centreLat()).isEqualTo(18.5204);
        assertThat(eta.centreLon()).isEqualTo(73.8567);
    }

    @Test
    void noneMeansNoPeakHours() {
        assertThat(EtaSettings.from(Settings.of(Map.of("SAHAYA_ETA_PEAK_HOURS", "none"))).peakHours()).isEmpty();
    }

    @Test
    void eachBadValueIsRefusedNamingItsSetting() {
        Map<String, String> bad = Map.of(
                "SAHAYA_ETA_DETOUR_FACTOR", "0.9",
                "SAHAYA_ETA_URBAN_KMH", "fast",
                "SAHAYA_ETA_SUBURBAN_KMH", "0",
                "SAHAYA_ETA_PEAK_SPEED_RATIO", "1.5",
                "SAHAYA_ETA_PEAK_HOURS", "8-25",
                "SAHAYA_ETA_TURNOUT_SECONDS", "-1",
                "SAHAYA_ETA_ZONE", "Mars/Olympus",
                "SAHAYA_ETA_CENTRE", "77.59,192.0",
                "SAHAYA_ETA_CORE_RADIUS_METRES", "NaN");
        bad.forEach((name, value) -> assertThatThrownBy(() -> EtaSettings.from(Settings.of(Map.of(name, value))))
                .as(name)
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo(name))
                .hasMessageStartingWith(name));
    }

    @Test
    void aCitySmallerThanItsCoreIsRefused() {
        assertThatThrownBy(() -> EtaSettings.from(Settings.of(Map.of(
                "SAHAYA_ETA_CORE_RADIUS_METRES", "8000", "SAHAYA_ETA_URBAN_RADIUS_METRES", "6000"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SAHAYA_ETA_URBAN_RADIUS_METRES")
                .hasMessageContaining("SAHAYA_ETA_CORE_RADIUS_METRES");
    }

    @Test
    void aBackwardsPeakRangeIsRefused() {
        assertThatThrownBy(() -> EtaSettings.from(Settings.of(Map.of("SAHAYA_ETA_PEAK_HOURS", "22-2"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("runs backwards");
    }
}
