package org.sahaya.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.config.ConfigException;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.Subscriber;

/** The start-up sealing of plain values and the master key's rotation, on H2 (and PostgreSQL in a subclass). */
class SecretSealingTest {

    private Database db;

    Database openDatabase() {
        return Database.open("jdbc:h2:mem:sealing-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static MasterKey key(int fill, String source) {
        byte[] bytes = new byte[SecretBox.KEY_BYTES];
        Arrays.fill(bytes, (byte) fill);
        return new MasterKey(new SecretBox(bytes), source);
    }

    @BeforeEach
    void plainValuesFromBefore() {
        db = openDatabase();
        db.inTransaction(c -> {
            DirectoryRepository directory = new DirectoryRepository();
            directory.insert(c, new Subscriber("S-1", "Elder", new Coordinates(12.97, 77.59), "en", null));
            directory.insert(c, new Device("d-1", "S-1", "plain-secret-1", false));
            directory.insert(c, new Device("d-2", "S-1", "plain-secret-2", false));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dc09_accounts (account, device_id, encryption_key,"
                    + " key_format, demo) VALUES ('9001', 'd-1', 'PLAIN-AES-KEY-16', 'ASCII', FALSE),"
                    + " ('9002', 'd-2', NULL, NULL, FALSE)")) {
                ps.executeUpdate();
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String stored(String sql) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    @Test
    void plainValuesAreSealedOnceAndStillOpen() {
        MasterKey key = key(1, "SAHAYA_MASTER_KEY");

        assertThat(SecretSealing.run(db, key)).isEqualTo(3);
        assertThat(SecretSealing.run(db, key)).isZero();

        String secret = stored("SELECT secret FROM devices WHERE id = 'd-1'");
        assertThat(secret).startsWith("v1:");
        assertThat(key.box().open(SecretColumn.DEVICE_SECRET, "d-1", secret)).isEqualTo("plain-secret-1");
        assertThat(key.box().open(SecretColumn.DC09_KEY, "9001", stored("SELECT encryption_key FROM dc09_accounts"
                + " WHERE account = '9001'"))).isEqualTo("PLAIN-AES-KEY-16");
        assertThat(stored("SELECT encryption_key FROM dc09_accounts WHERE account = '9002'")).isNull();
    }

    @Test
    void anotherKeyStopsTheStartNamingItsSetting() {
        SecretSealing.run(db, key(1, "SAHAYA_MASTER_KEY"));

        assertThatThrownBy(() -> SecretSealing.run(db, key(2, "SAHAYA_MASTER_KEY_FILE")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo("SAHAYA_MASTER_KEY_FILE"));
    }

    @Test
    void rotationReSealsEverythingUnderTheNewKey() {
        MasterKey old = key(1, "SAHAYA_MASTER_KEY");
        MasterKey fresh = key(3, "SAHAYA_NEW_MASTER_KEY");
        SecretSealing.run(db, old);

        assertThat(SecretSealing.reseal(db, old, fresh)).isEqualTo(3);

        assertThat(SecretSealing.run(db, fresh)).isZero();
        assertThat(fresh.box().open(SecretColumn.DEVICE_SECRET, "d-2", stored("SELECT secret FROM devices WHERE id = 'd-2'")))
                .isEqualTo("plain-secret-2");
        assertThatThrownBy(() -> SecretSealing.run(db, old)).isInstanceOf(ConfigException.class);
    }
}
