package org.sahaya.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The member port's address and the cluster secret, as an operator sets them. */
class GridAccessTest {

    private static final String SECRET = "correct-horse-battery-staple";

    @TempDir
    Path dir;

    @Test
    void aLoneNodeListensOnLoopbackWithARandomSecretOfItsOwn() {
        GridAccess one = GridAccess.from(Settings.of(Map.of()), List.of());
        GridAccess other = GridAccess.from(Settings.of(Map.of()), List.of());

        assertThat(one.memberAddress()).isEqualTo("127.0.0.1");
        assertThat(one.secret()).hasSizeGreaterThanOrEqualTo(GridAccess.MIN_SECRET_LENGTH).isNotEqualTo(other.secret());
        assertThat(one.clusterName("sahaya")).isNotEqualTo(other.clusterName("sahaya"));
    }

    @Test
    void aMemberOfAClusterWithoutASecretRefusesToStartSayingWhatToSet() {
        Settings settings = Settings.of(Map.of("SAHAYA_MEMBER_ADDRESS", "10.0.0.1"));

        assertThatThrownBy(() -> GridAccess.from(settings, List.of("10.0.0.1:5701", "10.0.0.2:5701")))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("SAHAYA_CLUSTER_SECRET"))
                .hasMessageContaining("required when SAHAYA_CLUSTER_MEMBERS lists peers");
    }

    @Test
    void aMemberOfAClusterOnSeveralMachinesMustNameItsAddress() {
        Settings settings = Settings.of(Map.of("SAHAYA_CLUSTER_SECRET", SECRET));

        assertThatThrownBy(() -> GridAccess.from(settings, List.of("10.0.0.1:5701", "10.0.0.2:5701")))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("SAHAYA_MEMBER_ADDRESS"));
    }

    @Test
    void theWildcardAddressIsRefused() {
        assertThatThrownBy(() -> GridAccess.from(Settings.of(Map.of("SAHAYA_MEMBER_ADDRESS", "0.0.0.0")), List.of()))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("SAHAYA_MEMBER_ADDRESS"));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> GridAccess.from(Settings.of(Map.of("SAHAYA_CLUSTER_SECRET", "hunter2")), List.of()))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("SAHAYA_CLUSTER_SECRET"));
    }

    @Test
    void theSecretMayComeFromAFileAndNeverShowsInToString() throws Exception {
        Path file = Files.writeString(dir.resolve("cluster-secret"), SECRET + "\n");

        GridAccess fromFile = GridAccess.from(Settings.of(Map.of("SAHAYA_CLUSTER_SECRET_FILE", file.toString(),
                "SAHAYA_MEMBER_ADDRESS", "10.0.0.1")), List.of("10.0.0.1", "10.0.0.2"));

        assertThat(fromFile.secret()).isEqualTo(SECRET);
        assertThat(fromFile.memberAddress()).isEqualTo("10.0.0.1");
        assertThat(fromFile.toString()).doesNotContain(SECRET);
    }

    @Test
    void theClusterNameIsDerivedFromTheSecretSoThatOnlyItsHoldersShareIt() {
        GridAccess a = new GridAccess("127.0.0.1", SECRET);

        assertThat(a.clusterName("sahaya")).matches("sahaya-[0-9a-f]{32}")
                .isEqualTo(new GridAccess("10.0.0.9", SECRET).clusterName("sahaya"))
                .isNotEqualTo(new GridAccess("127.0.0.1", SECRET + "x").clusterName("sahaya"));
    }

    @Test
    void tlsNeedsBothFilesAndTheManagementPortStaysPlainOnLoopbackByDefault() throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        assertThatThrownBy(() -> TlsSettings.from(Settings.of(Map.of("SAHAYA_TLS_CERT", cert.toString()))))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo("SAHAYA_TLS_KEY"));
        assertThatThrownBy(() -> ManagementSettings.from(Settings.of(Map.of("SAHAYA_MANAGEMENT_TLS", "true")),
                TlsSettings.none()))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("SAHAYA_MANAGEMENT_TLS"));

        assertThat(ManagementSettings.from(Settings.of(Map.of()), TlsSettings.none()))
                .isEqualTo(new ManagementSettings("127.0.0.1", 8081, false));
        assertThat(TlsSettings.from(Settings.of(Map.of())).enabled()).isFalse();
    }
}
