package org.sahaya.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {

    @Test
    void theDemoCityHasItsOwn550DevicesUnlessToldOtherwise() {
        assertThat(DemoSettings.from(Settings.of(Map.of())).devices()).isEqualTo(550);
        assertThat(DemoSettings.from(Settings.of(Map.of("SAHAYA_DEMO_DEVICES", "10000"))).devices()).isEqualTo(10_000);
    }

    @Test
    void fewerThanTheCitysOwnOrMoreThanAMillionIsRefusedByName() {
        assertThatThrownBy(() -> DemoSettings.from(Settings.of(Map.of("SAHAYA_DEMO_DEVICES", "100"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAHAYA_DEMO_DEVICES");
        assertThatThrownBy(() -> DemoSettings.from(Settings.of(Map.of("SAHAYA_DEMO_DEVICES", "1000001"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAHAYA_DEMO_DEVICES");
    }
}
