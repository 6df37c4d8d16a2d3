package org.sahaya.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginSettingsTest {

    @Test
    void defaultsAreFifteenMinutesIdleTwelveHoursAtMostAndFiveFailures() {
        assertThat(LoginSettings.from(Settings.of(Map.of()))).isEqualTo(new LoginSettings(Duration.ofMinutes(15),
                Duration.ofHours(12), 5, Duration.ofMinutes(5)));
        assertThat(SahayaConfig.from(Settings.of(Map.of()), false).logins()).isEqualTo(LoginSettings.DEFAULT);
    }

    @Test
    void durationsAreIso8601() {
        LoginSettings s = LoginSettings.from(Settings.of(Map.of("SAHAYA_SESSION_IDLE", "PT30M", "SAHAYA_SESSION_MAX",
                "PT8H", "SAHAYA_LOGIN_FAILURES", "3", "SAHAYA_LOGIN_FAILURE_WINDOW", "PT1M")));

        assertThat(s).isEqualTo(new LoginSettings(Duration.ofMinutes(30), Duration.ofHours(8), 3, Duration.ofMinutes(1)));
    }

    @Test
    void nonsenseIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> LoginSettings.from(Settings.of(Map.of("SAHAYA_SESSION_IDLE", "15"))))
                .hasMessageStartingWith("SAHAYA_SESSION_IDLE must be an ISO-8601 duration");
        assertThatThrownBy(() -> LoginSettings.from(Settings.of(Map.of("SAHAYA_SESSION_IDLE", "PT0S"))))
                .hasMessageStartingWith("SAHAYA_SESSION_IDLE must be positive");
        assertThatThrownBy(() -> LoginSettings.from(Settings.of(Map.of("SAHAYA_SESSION_IDLE", "PT2H",
                "SAHAYA_SESSION_MAX", "PT1H")))).hasMessageStartingWith("SAHAYA_SESSION_MAX must be at least");
        assertThatThrownBy(() -> LoginSettings.from(Settings.of(Map.of("SAHAYA_LOGIN_FAILURES", "0"))))
                .hasMessageStartingWith("SAHAYA_LOGIN_FAILURES");
    }
}
