package org.sahaya.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.config.ConfigException;
import org.sahaya.core.config.MasterKeySettings;
import org.sahaya.core.config.Settings;

class MasterKeyTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @TempDir
    Path dir;

    private static MasterKeySettings settings(Map<String, String> values) {
        return MasterKeySettings.from(Settings.of(values));
    }

    private static String sealedBy(MasterKey key) {
        return key.box().seal(SecretColumn.DEVICE_SECRET, "d-1", "s");
    }

    @Test
    void theKeyFromTheEnvironmentAndTheSameKeyFromAFileOpenEachOthersValues() throws Exception {
        Path file = Files.writeString(dir.resolve("key"), KEY + "\n");
        MasterKey fromEnv = MasterKey.load(settings(Map.of("SAHAYA_MASTER_KEY", KEY)), dir, false);
        MasterKey fromFile = MasterKey.load(settings(Map.of("SAHAYA_MASTER_KEY_FILE", file.toString())), dir, false);

        assertThat(fromFile.box().open(SecretColumn.DEVICE_SECRET, "d-1", sealedBy(fromEnv))).isEqualTo("s");
        assertThat(fromEnv.source()).isEqualTo("SAHAYA_MASTER_KEY");
        assertThat(fromEnv.toString()).doesNotContain(KEY);
    }

    @Test
    void aProductionNodeWithoutAMasterKeyRefusesToStartNamingTheSetting() {
        assertThatThrownBy(() -> MasterKey.load(settings(Map.of()), dir, false))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo("SAHAYA_MASTER_KEY"))
                .hasMessageContaining("openssl rand -base64 32");
        assertThat(dir.resolve("master.key")).doesNotExist();
    }

    @Test
    void aDemoClusterMemberCannotMakeAKeyOfItsOwnForTheSharedDatabase() {
        assertThatThrownBy(() -> MasterKey.load(settings(Map.of()), dir, true, true))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo("SAHAYA_MASTER_KEY"))
                .hasMessageContaining("share one master key");
        assertThat(dir.resolve("master.key")).doesNotExist();
        assertThat(MasterKey.load(settings(Map.of("SAHAYA_MASTER_KEY", KEY)), dir, true, true).source())
                .isEqualTo("SAHAYA_MASTER_KEY");
    }

    @Test
    void anUnusableKeyIsRefusedNamingItsSettingButNotItsValue() {
        assertThatThrownBy(() -> MasterKey.load(settings(Map.of("SAHAYA_MASTER_KEY", "not base64 !")), dir, false))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo("SAHAYA_MASTER_KEY"))
                .hasMessageNotContaining("not base64 !");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> MasterKey.load(settings(Map.of("SAHAYA_MASTER_KEY", short16)), dir, false))
                .hasMessageContaining("16 bytes, not 32");
        assertThatThrownBy(() -> MasterKey.load(settings(Map.of("SAHAYA_MASTER_KEY_FILE", dir.resolve("none").toString())), dir, false))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo("SAHAYA_MASTER_KEY_FILE"));
        assertThatThrownBy(() -> settings(Map.of("SAHAYA_MASTER_KEY", KEY, "SAHAYA_MASTER_KEY_FILE", "/k")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("set only one");
    }

    @Test
    void aDemoNodeMakesItsOwnOwnerOnlyKeyOnceAndKeepsUsingIt() throws Exception {
        Path data = dir.resolve("data");
        MasterKey first = MasterKey.load(settings(Map.of()), data, true);
        MasterKey again = MasterKey.load(settings(Map.of()), data, true);

        Path file = data.resolve("master.key");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(again.box().open(SecretColumn.DEVICE_SECRET, "d-1", sealedBy(first))).isEqualTo("s");
        assertThat(first.source()).contains("master.key");
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aDemoKeyFileMadeReadableByOthersIsTightenedAgain() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        MasterKey.load(settings(Map.of()), dir, true);
        Path file = dir.resolve("master.key");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        MasterKey.load(settings(Map.of()), dir, true);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
