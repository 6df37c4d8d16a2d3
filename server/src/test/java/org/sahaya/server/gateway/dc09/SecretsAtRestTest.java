package org.sahaya.server.gateway.dc09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.Coordinates;
import org.sahaya.core.config.ConfigException;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.DeviceSignature;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;
import org.sahaya.server.demo.DemoHubAccounts;

/**
 * Issue 14, item 8: device secrets and DC-09 keys are sealed with the master key in the database (a
 * copy of the data directory does not hand them out), yet devices sign, log in and encrypt as before;
 * values from an older data directory are sealed at start; a wrong master key stops the start.
 */
class SecretsAtRestTest {

    private static final String HUB_SECRET = "hub-secret-9c1e77";
    private static final String HUB_KEY = "HUB-AES-KEY-0042";

    @TempDir
    Path data;

    @Test
    void aDemoNodeKeepsItsSecretsSealedAndItsDataDirectoryOwnerOnlyYetDevicesWorkAsBefore() throws Exception {
        try (Node node = TestNode.start(data, true)) {
            assertThat(column(node, "SELECT secret FROM devices WHERE id = 'demo-0001'"))
                    .startsWith("v1:").doesNotContain("demo-secret");
            assertThat(column(node, "SELECT encryption_key FROM dc09_accounts WHERE account = '2001'"))
                    .startsWith("v1:").doesNotContain(DemoHubAccounts.KEY);

            assertThat(new DeviceClient(node.httpPort()).send("demo-0001",
                    DeviceClient.alert("sealed-1", "demo-0001", "TEST").encode()).statusCode()).isEqualTo(202);
            assertThat(mqttLogin(node, "demo-0002", Device.demoSecret("demo-0002"))).isTrue();
            assertThat(mqttLogin(node, "demo-0002", "v1:" + "A".repeat(40))).isFalse();
            try (Dc09Transmitter panel = new Dc09Transmitter(node.dc09Port())) {
                assertThat(panel.send(Dc09Transmitter.encrypted("SIA-DCS", "0001", "2003", "Nri1/FA01", Instant.now(),
                        DemoHubAccounts.KEY))).startsWith("\"*ACK\"0001L0#2003[");
            }

            assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
            assertThat(permissions(data)).isEqualTo("rwx------");
            assertThat(permissions(data.resolve("master.key"))).isEqualTo("rw-------");
            try (var files = Files.list(data)) {
                assertThat(files.filter(Files::isRegularFile)).isNotEmpty()
                        .allSatisfy(f -> assertThat(permissions(f)).as(f.toString()).isEqualTo("rw-------"));
            }
        }
    }

    @Test
    void plainSecretsOfAnOlderDataDirectoryAreSealedAtStartAndAWrongMasterKeyStopsTheStart() throws Exception {
        SahayaConfig config = TestNode.config(data, false, Map.of());
        writeOlderDataDirectory(config);

        try (Node node = Node.start(config, Clock.systemUTC())) {
            assertThat(column(node, "SELECT secret FROM devices WHERE id = 'hub-77'")).startsWith("v1:")
                    .doesNotContain(HUB_SECRET);
            assertThat(column(node, "SELECT encryption_key FROM dc09_accounts WHERE account = '7701'")).startsWith("v1:")
                    .doesNotContain(HUB_KEY);

            String body = DeviceClient.alert("old-1", "hub-77", "SOS").encode();
            String ts = Long.toString(Instant.now().toEpochMilli());
            assertThat(new DeviceClient(node.httpPort()).send("hub-77", ts,
                    DeviceSignature.sign(HUB_SECRET, ts, DeviceClient.bytes(body)), body).statusCode()).isEqualTo(202);
            assertThat(mqttLogin(node, "hub-77", HUB_SECRET)).isTrue();
            try (Dc09Transmitter panel = new Dc09Transmitter(node.dc09Port())) {
                assertThat(panel.send(Dc09Transmitter.encrypted("SIA-DCS", "0002", "7701", "Nri1/MA01", Instant.now(),
                        HUB_KEY))).startsWith("\"*ACK\"0002L0#7701[");
            }
        }

        String otherKey = Base64.getEncoder().encodeToString("another-master-key-of-32-bytes!!".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Node.start(TestNode.config(data, false, Map.of("SAHAYA_MASTER_KEY", otherKey)),
                Clock.systemUTC()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo("SAHAYA_MASTER_KEY"))
                .hasMessageContaining("is not the master key")
                .hasMessageNotContaining(HUB_SECRET).hasMessageNotContaining(otherKey);
    }

    /** A data directory as a node before sealing left it: the device secret and the DC-09 key in plain text. */
    private static void writeOlderDataDirectory(SahayaConfig config) {
        try (Database db = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword())) {
            DirectoryRepository directory = new DirectoryRepository();
            db.inTransaction(c -> {
                directory.insert(c, new Subscriber("S-77", "Older Elder", new Coordinates(12.97, 77.59), "en", null));
                directory.insert(c, new Device("hub-77", "S-77", HUB_SECRET, false));
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO dc09_accounts (account, device_id,"
                        + " encryption_key, key_format, demo) VALUES ('7701', 'hub-77', ?, 'ASCII', FALSE)")) {
                    ps.setString(1, HUB_KEY);
                    ps.executeUpdate();
                }
                return null;
            });
        }
    }

    private static boolean mqttLogin(Node node, String deviceId, String password) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + node.mqttPort(), deviceId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(deviceId);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setConnectionTimeout(10);
        try {
            client.connect(options);
            client.disconnect();
            return true;
        } catch (org.eclipse.paho.mqttv5.common.MqttException refused) {
            return false;
        } finally {
            client.close(true);
        }
    }

    private static String column(Node node, String sql) {
        return node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getString(1);
            }
        });
    }

    private static String permissions(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
