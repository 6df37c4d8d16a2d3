package org.sahaya.server.admin.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.TestNode;
import org.sahaya.server.admin.RecordKind.Written;
import org.sahaya.server.admin.RecordRefused;

/**
 * The import's path for the big tables: {@code read} then {@code writeAll} of subscribers, two contacts
 * each and a device each, in one transaction on the node's embedded (file) H2. 5,000 subscribers by
 * default; {@code -Dsahaya.bulk.subscribers=100000} measures the size (under a minute), which
 * is too heavy for every build on a shared machine. Writing the same records again updates them.
 *
 * <p>Measured 2026-12-07 on the shared 2-core build machine (load average about 4), 100,000 subscribers,
 * 200,000 contacts, 100,000 devices: read 5.4 s, written and committed 20.7 s. Under a load average of 12
 * (six builds at once) the same took 25 s and 91 s.
 */
class PeopleKindsBulkTest {

    @TempDir
    Path data;

    @Test
    void subscribersWithTheirContactsAndDevicesLoadInBatchesAndALoadAgainUpdatesThem() throws Exception {
        int n = Integer.getInteger("sahaya.bulk.subscribers", 5_000);
        SahayaConfig config = TestNode.config(data, false, Map.of());
        SubscriberKind subscribers = new SubscriberKind(TestNode.secrets(), Clock.systemUTC());
        ContactKind contacts = new ContactKind();
        DeviceKind devices = new DeviceKind(TestNode.secrets());
        try (Database db = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword())) {
            long start = System.nanoTime();
            List<SubscriberRecord> s = new ArrayList<>(n);
            List<ContactRecord> k = new ArrayList<>(2 * n);
            List<DeviceRecord> d = new ArrayList<>(n);
            long[] spent = new long[3];
            for (int i = 0; i < n; i++) {
                String id = String.format("BULK-%06d", i);
                JsonObject sj = PeopleApiTest.subscriber(id, "Bulk " + i);
                long t0 = System.nanoTime();
                s.add(subscribers.read(sj));
                spent[0] += System.nanoTime() - t0;
                for (int j = 0; j < 2; j++) {
                    JsonObject kj = ContactsAndDevicesTest.contact(String.format("+9198%08d", 2 * i + j), j + 1)
                            .put("id", id + "-C" + j).put("subscriberId", id);
                    long t1 = System.nanoTime();
                    k.add(contacts.read(kj));
                    spent[1] += System.nanoTime() - t1;
                }
                JsonObject dj = new JsonObject().put("id", id + "-D").put("subscriberId", id);
                long t2 = System.nanoTime();
                d.add(devices.read(dj));
                spent[2] += System.nanoTime() - t2;
            }
            System.out.printf("people bulk: read subscribers %d ms, contacts %d ms, devices %d ms%n",
                    spent[0] / 1_000_000, spent[1] / 1_000_000, spent[2] / 1_000_000);
            long read = System.nanoTime();
            List<Written> first = load(db, subscribers, contacts, devices, s, k, d);
            long written = System.nanoTime();
            // what the import costs: read and write, not the test's own building of the JSON
            System.out.printf("people bulk: %d subscribers, %d contacts, %d devices: read %d ms, written %d ms%n",
                    n, 2 * n, n, (read - start) / 1_000_000, (written - read) / 1_000_000);

            assertThat(Duration.ofNanos(written - start)).isLessThan(Duration.ofMinutes(1));
            assertThat(first).hasSize(4 * n).containsOnly(Written.CREATED);
            assertThat(count(db, "contact_preferences")).isEqualTo(2L * n);
            assertThat(count(db, "consent_history")).isEqualTo(n);
            assertThat(devices.issuedSecrets(d)).hasSize(n);
            assertThat(load(db, subscribers, contacts, devices, s.subList(0, 10), k.subList(0, 20), d.subList(0, 10)))
                    .containsOnly(Written.UPDATED);
            assertThat(count(db, "subscribers")).isEqualTo(n);
        }
    }

    private static List<Written> load(Database db, SubscriberKind subscribers, ContactKind contacts, DeviceKind devices,
                                      List<SubscriberRecord> s, List<ContactRecord> k, List<DeviceRecord> d) {
        return db.inTransaction(c -> {
            try {
                long t0 = System.nanoTime();
                List<Written> all = new ArrayList<>(subscribers.writeAll(c, s));
                long t1 = System.nanoTime();
                all.addAll(contacts.writeAll(c, k));
                long t2 = System.nanoTime();
                all.addAll(devices.writeAll(c, d));
                long t3 = System.nanoTime();
                System.out.printf("people bulk: subscribers %d ms, contacts %d ms, devices %d ms%n",
                        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
                return all;
            } catch (RecordRefused r) {
                throw new AssertionError(r.faults().toString());
            }
        });
    }

    private static long count(Database db, String table) {
        return db.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
