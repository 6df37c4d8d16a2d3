package org.sahaya.server.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.persistence.PersistenceException;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.secret.SecretColumn;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.Subscriber;

/**
 * Writes the extra demo wearables of a load-sized city ({@code SAHAYA_DEMO_DEVICES} up to 1,000,000)
 * fast: JDBC batches of {@value #BATCH} rows, one transaction per chunk of {@value #CHUNK}. Each
 * transaction writes only the devices its chunk still lacks, so a node stopped half-way, or restarted
 * with a larger city, completes it on its next start without writing a device twice. The
 * devices are the ones {@link DemoDevices#extraDevice} describes: same ids, owners and secrets. Blocking.
 */
final class ExtraDevices {

    static final int BATCH = 1_000;
    static final int CHUNK = 100_000;

    private final DirectoryRepository directory = new DirectoryRepository();
    private final SecretBox secrets;

    /** @param secrets seals each device's secret, as every device secret is stored */
    ExtraDevices(SecretBox secrets) {
        this.secrets = secrets;
    }

    /**
     * @param owners the city's subscribers, in order
     * @param first  the first extra device's number (the city's own device count + 1)
     * @param last   the last device's number, inclusive
     * @return how many devices this call wrote
     */
    int write(Database db, List<Subscriber> owners, int first, int last) {
        int written = 0;
        for (int from = first; from <= last; from += CHUNK) {
            int to = Math.min(last, from + CHUNK - 1);
            written += chunk(db, owners, first, from, to);
        }
        return written;
    }

    /**
     * Chunks start at fixed numbers whatever the city's size, and every earlier call wrote a prefix of
     * each chunk (a smaller city's last chunk is a prefix of a larger one's): only the rest is written.
     */
    private int chunk(Database db, List<Subscriber> owners, int first, int from, int to) {
        try {
            return db.inTransaction(c -> {
                int start = firstMissing(c, from, to);
                if (start > to) {
                    return 0;
                }
                insert(c, owners, first, start, to);
                return to - start + 1;
            });
        } catch (PersistenceException e) {
            if (e.isDuplicateKey()) {
                return 0; // another node wrote this chunk meanwhile
            }
            throw e;
        }
    }

    /** The first device number in [from, to] not yet written ({@code to + 1} if all are): a binary search. */
    private int firstMissing(Connection c, int from, int to) throws SQLException {
        int low = from;
        int high = to + 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (directory.device(c, Device.demoId(mid)).isPresent()) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void insert(Connection c, List<Subscriber> owners, int first, int from, int to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO devices (id, subscriber_id, secret, demo) VALUES (?,?,?,?)")) {
            int pending = 0;
            for (int n = from; n <= to; n++) {
                Device d = DemoDevices.extraDevice(owners, first, n);
                ps.setString(1, d.id());
                ps.setString(2, d.subscriberId());
                ps.setString(3, secrets.seal(SecretColumn.DEVICE_SECRET, d.id(), d.secret()));
                ps.setBoolean(4, d.demo());
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }
}
