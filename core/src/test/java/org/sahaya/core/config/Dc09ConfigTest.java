package org.sahaya.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Dc09ConfigTest {

    @Test
    void defaultsFollowTheDc09TimestampWindowAndAGenerousFrameLimit() {
        Dc09Config c = SahayaConfig.from(Settings.of(Map.of()), false).dc09();

        assertThat(c.maxFrameBytes()).isEqualTo(2048);
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(c.timestampPast()).isEqualTo(Duration.ofSeconds(40));
        assertThat(c.timestampFuture()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void settingsOverrideTheDefaults() {
        Dc09Config c = Dc09Config.from(Settings.of(Map.of("SAHAYA_DC09_MAX_FRAME_BYTES", "512",
                "SAHAYA_DC09_IDLE_SECONDS", "5")));

        assertThat(c.maxFrameBytes()).isEqualTo(512);
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refusesLimitsThatWouldBreakTheReceiverNamingTheSetting() {
        assertThatThrownBy(() -> Dc09Config.from(Settings.of(Map.of("SAHAYA_DC09_MAX_FRAME_BYTES", "10"))))
                .hasMessageContaining("SAHAYA_DC09_MAX_FRAME_BYTES");
        assertThatThrownBy(() -> Dc09Config.from(Settings.of(Map.of("SAHAYA_DC09_IDLE_SECONDS", "0"))))
                .hasMessageContaining("SAHAYA_DC09_IDLE_SECONDS");
        assertThatThrownBy(() -> Dc09Config.from(Settings.of(Map.of("SAHAYA_DC09_TIMESTAMP_PAST_SECONDS", "-1"))))
                .hasMessageContaining("SAHAYA_DC09_TIMESTAMP_PAST_SECONDS");
    }
}
