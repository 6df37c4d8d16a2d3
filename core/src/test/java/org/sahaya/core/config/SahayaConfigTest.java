package org.sahaya.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.alert.AlertType;

class SahayaConfigTest {

    @TempDir
    Path dir;

    @Test
    void withoutConfigurationANodeRunsOnTheEmbeddedDefaults() {
        SahayaConfig config = SahayaConfig.from(Settings.load(Map.of(), Map.of()), false);

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.mqttPort()).isEqualTo(1884);
        assertThat(config.dc09Port()).isEqualTo(5090);
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.dbUrl()).startsWith("jdbc:h2:file:").endsWith(Path.of("data", "sahaya").toString());
        assertThat(config.dbUser()).isNull();
        assertThat(config.dbPassword()).isNull();
        assertThat(config.clusterMembers()).isEmpty();
        assertThat(config.memberPort()).isEqualTo(5701);
        assertThat(config.clusterName()).isEqualTo("sahaya");
        assertThat(config.eventBus()).isEqualTo(new EventBusSettings(0, null, 0));
        assertThat(config.maxEventLoopMillis()).isEqualTo(2000);
        assertThat(config.replayWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.maxAlertBytes()).isEqualTo(16 * 1024);
        assertThat(config.demo()).isFalse();
        assertThat(config.dbPools()).isEqualTo(new DatabasePools(16, 4)).isEqualTo(DatabasePools.DEFAULT);
        assertThat(config.routineInFlight()).isEqualTo(8);
    }

    @Test
    void theDatabasePoolsAndTheRoutineLaneAreSizedByTheirSettings() {
        SahayaConfig config = SahayaConfig.from(Settings.of(Map.of("SAHAYA_DB_POOL", "40", "SAHAYA_DB_ALERT_POOL", "6",
                "SAHAYA_ROUTINE_IN_FLIGHT", "20")), false);

        assertThat(config.dbPools()).isEqualTo(new DatabasePools(40, 6));
        assertThat(config.routineInFlight()).isEqualTo(20);
    }

    @Test
    void aPoolOrLaneSizeThatIsNotAPositiveWholeNumberIsRefusedNamingTheSetting() {
        for (String setting : List.of("SAHAYA_DB_POOL", "SAHAYA_DB_ALERT_POOL", "SAHAYA_ROUTINE_IN_FLIGHT")) {
            for (String bad : List.of("0", "-3", "eight", "2.5")) {
                assertThatThrownBy(() -> SahayaConfig.from(Settings.of(Map.of(setting, bad)), false))
                        .as(setting + "=" + bad).isInstanceOf(ConfigException.class)
                        .hasMessageStartingWith(setting + " ")
                        .satisfies(e -> assertThat(((ConfigException) e).setting()).isEqualTo(setting));
            }
        }
    }

    @Test
    void theRoutineLaneMustLeaveConnectionsOfTheMainPoolToDispatch() {
        assertThatThrownBy(() -> SahayaConfig.from(Settings.of(Map.of("SAHAYA_ROUTINE_IN_FLIGHT", "16")), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SAHAYA_ROUTINE_IN_FLIGHT must be less than SAHAYA_DB_POOL (16)");
        assertThatThrownBy(() -> SahayaConfig.from(Settings.of(Map.of("SAHAYA_DB_POOL", "8")), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAHAYA_ROUTINE_IN_FLIGHT")
                .hasMessageContaining("(the default)");

        assertThat(SahayaConfig.from(Settings.of(Map.of("SAHAYA_DB_POOL", "8", "SAHAYA_ROUTINE_IN_FLIGHT", "4")), false)
                .routineInFlight()).isEqualTo(4);
    }

    @Test
    void theEventBusBetweenMembersListensAtTheConfiguredPortAndAdvertisesItsPublicAddress() {
        SahayaConfig config = SahayaConfig.from(Settings.of(Map.of("SAHAYA_EVENTBUS_PORT", "15701",
                "SAHAYA_EVENTBUS_PUBLIC_HOST", "member-1.example.org", "SAHAYA_EVENTBUS_PUBLIC_PORT", "25701")), false);

        assertThat(config.eventBus()).isEqualTo(new EventBusSettings(15701, "member-1.example.org", 25701));
    }

    @Test
    void anEventBusPortOutOfRangeIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> SahayaConfig.from(Settings.of(Map.of("SAHAYA_EVENTBUS_PORT", "70000")), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAHAYA_EVENTBUS_PORT");
        assertThatThrownBy(() -> SahayaConfig.from(Settings.of(Map.of("SAHAYA_EVENTBUS_PUBLIC_PORT", "x")), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAHAYA_EVENTBUS_PUBLIC_PORT");
    }

    @Test
    void theEmbeddedDatabaseLivesInTheConfiguredDataDirectory() {
        Path data = dir.resolve("sahaya-data");
        SahayaConfig config = SahayaConfig.from(Settings.of(Map.of("SAHAYA_DATA_DIR", data.toString())), true);

        assertThat(config.dataDir()).isEqualTo(data);
        assertThat(config.dbUrl()).isEqualTo("jdbc:h2:file:" + data.toAbsolutePath().normalize().resolve("sahaya"));
        assertThat(config.demo()).isTrue();
    }

    @Test
    void environmentBeatsFileAndFileBeatsDefaults() throws IOException {
        Path file = dir.resolve("sahaya.properties");
        Files.writeString(file, "SAHAYA_HTTP_PORT=9000\nSAHAYA_MQTT_PORT=9001\n");

        SahayaConfig config = SahayaConfig.from(Settings.load(
                Map.of("SAHAYA_CONFIG", file.toString(), "SAHAYA_HTTP_PORT", "9100"), Map.of()), false);

        assertThat(config.httpPort()).as("environment over file").isEqualTo(9100);
        assertThat(config.mqttPort()).as("file over default").isEqualTo(9001);
        assertThat(config.dc09Port()).as("default").isEqualTo(5090);
    }

    @Test
    void clusterMembersAreAListOfHostsWithOptionalPorts() {
        SahayaConfig config = SahayaConfig.from(
                Settings.of(Map.of("SAHAYA_CLUSTER_MEMBERS", "10.0.0.1:5701 , 10.0.0.2",
                        "SAHAYA_MEMBER_ADDRESS", "10.0.0.1", "SAHAYA_CLUSTER_SECRET", "0123456789abcdef0123")), false);

        assertThat(config.clusterMembers()).containsExactly("10.0.0.1:5701", "10.0.0.2");
    }

    @Test
    void aBadPortStopsTheNodeNamingTheSetting() {
        Settings settings = Settings.of(Map.of("SAHAYA_MQTT_PORT", "70000"));

        assertThatThrownBy(() -> SahayaConfig.from(settings, false))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo("SAHAYA_MQTT_PORT"));
    }

    @Test
    void aBadNumberStopsTheNodeNamingTheSetting() {
        Settings settings = Settings.of(Map.of("SAHAYA_MAX_ALERT_BYTES", "lots"));

        assertThatThrownBy(() -> SahayaConfig.from(settings, false))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("SAHAYA_MAX_ALERT_BYTES"));
    }

    @Test
    void emergenciesDispatchAtOnceAndInactivityWaitsAMinuteByDefault() {
        SahayaConfig config = SahayaConfig.from(Settings.of(Map.of()), false);

        assertThat(config.verificationWindow(AlertType.FALL)).isZero();
        assertThat(config.verificationWindow(AlertType.SOS)).isZero();
        assertThat(config.verificationWindow(AlertType.MEDICAL)).isZero();
        assertThat(config.verificationWindow(AlertType.INACTIVITY)).isEqualTo(Duration.ofSeconds(60));
        for (AlertType type : AlertType.values()) {
            assertThat(config.verificationWindow(type)).as(type.name()).isNotNull();
        }
    }

    @Test
    void aVerificationWindowCanBeConfiguredPerAlertType() {
        SahayaConfig config = SahayaConfig.from(Settings.of(Map.of(
                "SAHAYA_VERIFY_FALL_SECONDS", "30", "SAHAYA_VERIFY_INACTIVITY_SECONDS", "0")), false);

        assertThat(config.verificationWindow(AlertType.FALL)).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.verificationWindow(AlertType.INACTIVITY)).isZero();
        assertThat(config.verificationWindow(AlertType.SOS)).isZero();
    }

    @Test
    void aNegativeVerificationWindowIsRefusedNamingTheSetting() {
        Settings settings = Settings.of(Map.of("SAHAYA_VERIFY_SOS_SECONDS", "-5"));

        assertThatThrownBy(() -> SahayaConfig.from(settings, false))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("SAHAYA_VERIFY_SOS_SECONDS"))
                .hasMessageContaining("negative");
    }

    @Test
    void aVerificationWindowThatIsNotANumberIsRefusedNamingTheSetting() {
        Settings settings = Settings.of(Map.of("SAHAYA_VERIFY_FALL_SECONDS", "half a minute"));

        assertThatThrownBy(() -> SahayaConfig.from(settings, false))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("SAHAYA_VERIFY_FALL_SECONDS"));
    }

    @Test
    void theDatabasePasswordNeverAppearsWhenTheConfigIsPrinted() {
        SahayaConfig config = SahayaConfig.from(Settings.of(Map.of(
                "SAHAYA_DB_URL", "jdbc:postgresql://db.internal:5432/sahaya",
                "SAHAYA_DB_USER", "sahaya",
                "SAHAYA_DB_PASSWORD", "s3cr3t-Pa55word")), false);

        assertThat(config.dbPassword()).isEqualTo("s3cr3t-Pa55word");
        assertThat(config.toString())
                .doesNotContain("s3cr3t-Pa55word")
                .contains("jdbc:postgresql://db.internal:5432/sahaya")
                .contains("http=8080");
    }
}
