package org.sahaya.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceSecretGraceTest {

    @Test
    void aRotatedSecretWorksForADayUnlessSetAndNeverForANegativeTime() {
        assertThat(DeviceSettings.from(Settings.of(Map.of())).secretGrace()).isEqualTo(Duration.ofDays(1));
        assertThat(DeviceSettings.from(Settings.of(Map.of("SAHAYA_DEVICE_SECRET_GRACE_SECONDS", "0"))).secretGrace())
                .isZero();
        assertThatThrownBy(() -> DeviceSettings.from(Settings.of(Map.of("SAHAYA_DEVICE_SECRET_GRACE_SECONDS", "-1"))))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("SAHAYA_DEVICE_SECRET_GRACE_SECONDS"));
    }
}
