package org.sahaya.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionSettingsTest {

    @Test
    void personalDataIsKeptUnlessADayCountIsSet() {
        assertThat(RetentionSettings.from(Settings.of(Map.of())).period()).isEmpty();
        assertThat(RetentionSettings.from(Settings.of(Map.of("SAHAYA_RETENTION_DAYS", "0"))).period()).isEmpty();
        assertThat(RetentionSettings.from(Settings.of(Map.of("SAHAYA_RETENTION_DAYS", "90"))).period())
                .contains(Duration.ofDays(90));
    }

    @Test
    void aNegativeCountIsRefusedByName() {
        assertThatThrownBy(() -> RetentionSettings.from(Settings.of(Map.of("SAHAYA_RETENTION_DAYS", "-1"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAHAYA_RETENTION_DAYS");
    }
}
