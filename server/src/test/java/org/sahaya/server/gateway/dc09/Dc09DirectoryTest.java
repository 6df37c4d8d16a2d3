package org.sahaya.server.gateway.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.Coordinates;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.server.TestNode;
import org.sahaya.server.demo.DemoHubAccounts;
import org.sahaya.server.gateway.dc09.account.Dc09Account;
import org.sahaya.server.gateway.dc09.account.Dc09AccountRepository;

/** Accounts as stored in the real (H2) database. */
class Dc09DirectoryTest {

    @TempDir
    Path dir;
    Database db;
    Offload offload = new Offload();

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:file:" + dir.resolve("db"), null, null);
        DirectoryRepository directory = new DirectoryRepository();
        Dc09AccountRepository accounts = new Dc09AccountRepository(TestNode.secrets());
        db.inTransaction(c -> {
            directory.insert(c, new Subscriber("S-1", "Test Elder", new Coordinates(12.97, 77.59), "en", null));
            directory.insert(c, Device.demo(1, "S-1"));
            directory.insert(c, new Device("hub-1", "S-1", "secret-not-used-by-dc09", false));
            accounts.insert(c, new Dc09AccountRepository.Row("1001", null, null, "demo-0001", null, null, null, true, true));
            accounts.insert(c, new Dc09AccountRepository.Row("abc123", "12", "3", "hub-1",
                    "000102030405060708090a0b0c0d0e0f1011121314151617", "HEX", 90, false));
            return null;
        });
    }

    @AfterEach
    void close() {
        offload.close();
        db.close();
    }

    private static java.util.Optional<Dc09Account> find(Dc09Directory directory, String account) throws Exception {
        return directory.find(account).await(10, TimeUnit.SECONDS);
    }

    @Test
    void aNodeNotInDemoModeDoesNotKnowDemoAccounts() throws Exception {
        assertThat(find(new Dc09Directory(db, offload, false, TestNode.secrets()), "1001")).isEmpty();
        assertThat(find(new Dc09Directory(db, offload, true, TestNode.secrets()), "1001")).isPresent();
    }

    @Test
    void readsAddressKeyAndWindowOfAnAccount() throws Exception {
        Dc09Account account = find(new Dc09Directory(db, offload, false, TestNode.secrets()), "ABC123").orElseThrow();

        assertThat(account.deviceId()).isEqualTo("hub-1");
        assertThat(account.receiver()).isEqualTo("12");
        assertThat(account.prefix()).isEqualTo("3");
        assertThat(account.key()).hasToString("AccountKey[AES-192]");
        assertThat(account.timestampWindow()).isEqualTo(Duration.ofSeconds(90));
        assertThat(account.toString()).doesNotContain("0001020304");
        assertThat(account.clearTextAllowed()).as("a new account takes no clear text").isFalse();
    }

    @Test
    void clearTextIsAllowedOnlyWhereTheAccountSaysSo() throws Exception {
        Dc09Account clear = find(new Dc09Directory(db, offload, true, TestNode.secrets()), "1001").orElseThrow();

        assertThat(clear.clearTextAllowed()).isTrue();
        assertThat(DemoHubAccounts.rows()).filteredOn(r -> r.key() == null).allMatch(Dc09AccountRepository.Row::clearTextAllowed);
        assertThat(DemoHubAccounts.rows()).filteredOn(r -> r.key() != null).noneMatch(Dc09AccountRepository.Row::clearTextAllowed);
    }

    @Test
    void demoHubAccountsNeedTheirHubAndAreSeededOnce() {
        // This database has no demo hubs (demo-0501…): nothing to seed.
        assertThat(new DemoHubAccounts(TestNode.secrets()).seedIfMissing(db)).isFalse();
        assertThat(DemoHubAccounts.rows()).hasSize(100);
        assertThat(DemoHubAccounts.rows().get(1)).satisfies(r -> {
            assertThat(r.account()).isEqualTo("2001");
            assertThat(r.deviceId()).isEqualTo("demo-0501");
            assertThat(r.keyFormat()).isEqualTo("ASCII");
        });
    }
}
