package org.sahaya.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void aValueFromTheConfigFileIsUsedWhenTheEnvironmentIsSilent() throws IOException {
        Path file = configFile("SAHAYA_HTTP_PORT=9000\nSAHAYA_CLUSTER_NAME = ward-7 \n");

        Settings s = Settings.load(Map.of("SAHAYA_CONFIG", file.toString()), Map.of());

        assertThat(s.getPort("SAHAYA_HTTP_PORT", 8080)).isEqualTo(9000);
        assertThat(s.get("SAHAYA_CLUSTER_NAME", "sahaya")).isEqualTo("ward-7");
    }

    @Test
    void theEnvironmentOverridesTheConfigFile() throws IOException {
        Path file = configFile("SAHAYA_HTTP_PORT=9000\n");

        Settings s = Settings.load(Map.of("SAHAYA_CONFIG", file.toString(), "SAHAYA_HTTP_PORT", "9100"), Map.of());

        assertThat(s.getPort("SAHAYA_HTTP_PORT", 8080)).isEqualTo(9100);
    }

    @Test
    void explicitOverridesWinOverEnvironmentAndFile() throws IOException {
        Path file = configFile("SAHAYA_HTTP_PORT=9000\n");

        Settings s = Settings.load(Map.of("SAHAYA_CONFIG", file.toString(), "SAHAYA_HTTP_PORT", "9100"),
                Map.of("SAHAYA_HTTP_PORT", "0"));

        assertThat(s.getPort("SAHAYA_HTTP_PORT", 8080)).isZero();
    }

    @Test
    void aConfigFileNamedByAnOverrideIsReadToo() throws IOException {
        Path file = configFile("SAHAYA_MQTT_PORT=1999\n");

        Settings s = Settings.load(Map.of(), Map.of("SAHAYA_CONFIG", file.toString()));

        assertThat(s.getPort("SAHAYA_MQTT_PORT", 1884)).isEqualTo(1999);
    }

    @Test
    void theDefaultAppliesWhenNothingSetsAValue() {
        Settings s = Settings.load(Map.of(), Map.of());

        assertThat(s.getPort("SAHAYA_HTTP_PORT", 8080)).isEqualTo(8080);
        assertThat(s.get("SAHAYA_DATA_DIR", "./data")).isEqualTo("./data");
        assertThat(s.get("SAHAYA_DB_USER")).isEmpty();
    }

    @Test
    void aBlankValueCountsAsNotSet() {
        Settings s = Settings.load(Map.of("SAHAYA_HTTP_PORT", "  "), Map.of());

        assertThat(s.getPort("SAHAYA_HTTP_PORT", 8080)).isEqualTo(8080);
    }

    @Test
    void environmentVariablesOutsideTheSahayaNamespaceAreIgnored() {
        Settings s = Settings.load(Map.of("PATH", "/usr/bin", "HOME", "/root"), Map.of());

        assertThat(s.get("PATH")).isEmpty();
        assertThat(s.get("HOME")).isEmpty();
    }

    @Test
    void anUnreadableConfigFileIsReportedAgainstSahayaConfig() {
        String missing = dir.resolve("missing.properties").toString();

        assertThatThrownBy(() -> Settings.load(Map.of("SAHAYA_CONFIG", missing), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo("SAHAYA_CONFIG"))
                .hasMessageContaining(missing);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "65536", "100000"})
    void aPortOutOfRangeIsRefusedNamingTheSetting(String port) {
        Settings s = Settings.of(Map.of("SAHAYA_HTTP_PORT", port));

        assertThatThrownBy(() -> s.getPort("SAHAYA_HTTP_PORT", 8080))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo("SAHAYA_HTTP_PORT"))
                .hasMessageStartingWith("SAHAYA_HTTP_PORT")
                .hasMessageContaining(port);
    }

    @Test
    void portZeroMeansAnyFreePortAndIsAccepted() {
        assertThat(Settings.of(Map.of("SAHAYA_HTTP_PORT", "0")).getPort("SAHAYA_HTTP_PORT", 8080)).isZero();
        assertThat(Settings.of(Map.of("SAHAYA_HTTP_PORT", "65535")).getPort("SAHAYA_HTTP_PORT", 8080)).isEqualTo(65535);
    }

    @Test
    void aPortThatIsNotANumberIsRefusedNamingTheSettingAndTheValue() {
        Settings s = Settings.of(Map.of("SAHAYA_DC09_PORT", "http"));

        assertThatThrownBy(() -> s.getPort("SAHAYA_DC09_PORT", 5090))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo("SAHAYA_DC09_PORT"))
                .hasMessageContaining("'http'");
    }

    @Test
    void aNumberThatIsNotANumberIsRefusedNamingTheSetting() {
        Settings s = Settings.of(Map.of("SAHAYA_MAX_ALERT_BYTES", "16k", "SAHAYA_REPLAY_WINDOW_SECONDS", "5m"));

        assertThatThrownBy(() -> s.getInt("SAHAYA_MAX_ALERT_BYTES", 1))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("SAHAYA_MAX_ALERT_BYTES"))
                .hasMessageContaining("'16k'");
        assertThatThrownBy(() -> s.getLong("SAHAYA_REPLAY_WINDOW_SECONDS", 1))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("SAHAYA_REPLAY_WINDOW_SECONDS"))
                .hasMessageContaining("'5m'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "yes", "on", "1"})
    void commonWaysOfSayingYesAreTrue(String yes) {
        assertThat(Settings.of(Map.of("SAHAYA_FLAG", yes)).getBoolean("SAHAYA_FLAG", false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "no", "off", "0"})
    void commonWaysOfSayingNoAreFalse(String no) {
        assertThat(Settings.of(Map.of("SAHAYA_FLAG", no)).getBoolean("SAHAYA_FLAG", true)).isFalse();
    }

    @Test
    void aBooleanThatIsNeitherIsRefusedNamingTheSetting() {
        Settings s = Settings.of(Map.of("SAHAYA_FLAG", "maybe"));

        assertThatThrownBy(() -> s.getBoolean("SAHAYA_FLAG", false))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo("SAHAYA_FLAG"))
                .hasMessageContaining("'maybe'");
    }

    private Path configFile(String content) throws IOException {
        Path file = dir.resolve("sahaya.properties");
        Files.writeString(file, content);
        return file;
    }
}
