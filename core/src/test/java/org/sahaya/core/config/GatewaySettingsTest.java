package org.sahaya.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {

    @Test
    void mqttLimitsDefaultToTheAlertSizeAndShortTimeouts() {
        SahayaConfig config = SahayaConfig.from(Settings.of(Map.of("SAHAYA_MAX_ALERT_BYTES", "8192")), false);

        assertThat(config.mqtt().maxMessageBytes()).isEqualTo(8192 + 1024);
        assertThat(config.mqtt().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.mqtt().maxKeepAlive()).isEqualTo(Duration.ofSeconds(300));
        assertThat(config.devices().ratePerSecond()).isEqualTo(1.0);
        assertThat(config.devices().burst()).isEqualTo(20);
    }

    @Test
    void everyLimitCanBeSet() {
        SahayaConfig config = SahayaConfig.from(Settings.of(Map.of(
                "SAHAYA_MQTT_MAX_MESSAGE_BYTES", "4096", "SAHAYA_MQTT_CONNECT_TIMEOUT_SECONDS", "3",
                "SAHAYA_MQTT_MAX_KEEP_ALIVE_SECONDS", "120", "SAHAYA_DEVICE_RATE_PER_SECOND", "0.5",
                "SAHAYA_DEVICE_BURST", "5")), false);

        assertThat(config.mqtt()).isEqualTo(new MqttSettings(4096, Duration.ofSeconds(3), Duration.ofSeconds(120)));
        assertThat(config.devices().ratePerSecond()).isEqualTo(0.5);
        assertThat(config.devices().burst()).isEqualTo(5);
    }

    @Test
    void nonsenseLimitsStopTheNodeNamingTheSetting() {
        assertThatThrownBy(() -> SahayaConfig.from(Settings.of(Map.of("SAHAYA_MQTT_MAX_KEEP_ALIVE_SECONDS", "0")), false))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("SAHAYA_MQTT_MAX_KEEP_ALIVE_SECONDS"));
        assertThatThrownBy(() -> SahayaConfig.from(Settings.of(Map.of("SAHAYA_DEVICE_RATE_PER_SECOND", "fast")), false))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("SAHAYA_DEVICE_RATE_PER_SECOND"));
        assertThatThrownBy(() -> SahayaConfig.from(Settings.of(Map.of("SAHAYA_DEVICE_BURST", "0")), false))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo("SAHAYA_DEVICE_BURST"));
    }

    @Test
    void failedDeviceAuthenticationsAreAllowedTenPerMinuteUnlessSet() {
        DeviceSettings defaults = SahayaConfig.from(Settings.of(Map.of()), false).devices();
        DeviceSettings set = SahayaConfig.from(Settings.of(Map.of("SAHAYA_DEVICE_AUTH_FAILURES", "3",
                "SAHAYA_DEVICE_AUTH_PERIOD_SECONDS", "30")), false).devices();

        assertThat(defaults.authFailures()).isEqualTo(10);
        assertThat(defaults.authPeriod()).isEqualTo(Duration.ofSeconds(60));
        assertThat(set.authFailures()).isEqualTo(3);
        assertThat(set.authPeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> SahayaConfig.from(Settings.of(Map.of("SAHAYA_DEVICE_AUTH_FAILURES", "0")), false))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("SAHAYA_DEVICE_AUTH_FAILURES"));
    }
}
