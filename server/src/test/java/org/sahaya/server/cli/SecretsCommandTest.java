package org.sahaya.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.Coordinates;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.secret.SecretColumn;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.server.TestNode;
import org.sahaya.server.gateway.dc09.account.Dc09AccountRepository;

/** {@code sahaya secrets rotate-master-key}: every sealed value re-sealed under the new key, or nothing. */
class SecretsCommandTest {

    private static final String NEW = Base64.getEncoder().encodeToString("the-new-master-key-of-32-bytes!!".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path data;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void aDatabaseSealedWithTheOldKey() {
        try (Database db = Database.open("jdbc:h2:file:" + data.toAbsolutePath().resolve("sahaya"), null, null)) {
            db.inTransaction(c -> {
                new DirectoryRepository().insert(c, new Subscriber("S-1", "Elder", new Coordinates(12.97, 77.59), "en", null));
                new DirectoryRepository().insert(c, TestNode.secrets().seal(new Device("hub-1", "S-1", "hub-secret", false)));
                new DirectoryRepository().insert(c, new Device("hub-2", "S-1", "plain-from-before", false));
                new Dc09AccountRepository(TestNode.secrets()).insert(c,
                        new Dc09AccountRepository.Row("7001", null, null, "hub-1", "PANEL-AES-KEY-16", "ASCII", null, false));
                return null;
            });
        }
    }

    private int rotate(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("SAHAYA_DATA_DIR", data.toString(), "SAHAYA_MASTER_KEY", TestNode.MASTER_KEY));
        env.putAll(extra);
        return SecretsCommand.run(new String[] {"rotate-master-key"}, env, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String stored(String sql) {
        try (Database db = Database.open("jdbc:h2:file:" + data.toAbsolutePath().resolve("sahaya"), null, null)) {
            return db.withConnection(c -> {
                try (var rs = c.createStatement().executeQuery(sql)) {
                    rs.next();
                    return rs.getString(1);
                }
            });
        }
    }

    @Test
    void everySecretOpensWithTheNewKeyAndNoLongerWithTheOld() {
        assertThat(rotate(Map.of("SAHAYA_NEW_MASTER_KEY", NEW))).as(printed.toString()).isZero();

        SecretBox fresh = new SecretBox(Base64.getDecoder().decode(NEW));
        String hub1 = stored("SELECT secret FROM devices WHERE id = 'hub-1'");
        assertThat(fresh.open(SecretColumn.DEVICE_SECRET, "hub-1", hub1)).isEqualTo("hub-secret");
        assertThatThrownBy(() -> TestNode.secrets().open(SecretColumn.DEVICE_SECRET, "hub-1", hub1))
                .isInstanceOf(SecretBox.Unopenable.class);
        assertThat(fresh.open(SecretColumn.DEVICE_SECRET, "hub-2", stored("SELECT secret FROM devices WHERE id = 'hub-2'")))
                .isEqualTo("plain-from-before");
        assertThat(fresh.open(SecretColumn.DC09_KEY, "7001", stored("SELECT encryption_key FROM dc09_accounts")))
                .isEqualTo("PANEL-AES-KEY-16");
        assertThat(printed.toString()).contains("re-sealed 3").doesNotContain(NEW);
    }

    @Test
    void aWrongCurrentKeyOrNoNewKeyChangesNothingAndSaysWhichSetting() {
        String before = stored("SELECT secret FROM devices WHERE id = 'hub-1'");

        assertThat(rotate(Map.of("SAHAYA_MASTER_KEY", NEW, "SAHAYA_NEW_MASTER_KEY", NEW))).isEqualTo(2);
        assertThat(printed.toString()).contains("SAHAYA_MASTER_KEY is not the master key");
        assertThat(rotate(Map.of())).isEqualTo(2);
        assertThat(printed.toString()).contains("SAHAYA_NEW_MASTER_KEY is not set");
        assertThat(stored("SELECT secret FROM devices WHERE id = 'hub-1'")).isEqualTo(before);
        assertThat(SecretsCommand.run(new String[] {"rotate"}, Map.of(), new PrintStream(printed))).isEqualTo(2);
    }
}
