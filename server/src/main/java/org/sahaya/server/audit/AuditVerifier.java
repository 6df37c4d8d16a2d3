package org.sahaya.server.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.sahaya.core.persistence.Database;

/**
 * Re-reads the whole audit log in chain order and recomputes every hash, so that a row changed or
 * deleted behind the API, or a tail cut off, is found and named by its seq. Streams the log (memory
 * does not grow with it); blocking: run it on the Offload.
 *
 * <p>The head is read first and the log after it: entries appended meanwhile by any member are
 * checked too (they chain on from the head), and a log that ends before the head was cut.
 */
public final class AuditVerifier {

    static final int FETCH_SIZE = 1_000;

    private final Database database;

    public AuditVerifier(Database database) {
        this.database = database;
    }

    public AuditVerdict verify() {
        // In a transaction: PostgreSQL streams by fetch size only with auto-commit off.
        return database.inTransaction(c -> {
            AuditTable.Head head = AuditTable.head(c, false);
            Walk walk = new Walk(head);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + AuditTable.COLUMNS + " FROM audit_log ORDER BY seq")) {
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        walk.next(AuditTable.entry(rs));
                    }
                }
            }
            return walk.verdict();
        });
    }

    /** The chain checked one entry at a time: pure, so the rules are in one place. */
    static final class Walk {

        private final AuditTable.Head head;
        private long entries;
        private long lastSeq;
        private String lastHash = AuditChain.GENESIS;
        private String hashAtHead;
        private Long broken;

        Walk(AuditTable.Head head) {
            this.head = head;
        }

        void next(AuditEntry entry) {
            entries++;
            if (broken == null && (entry.seq() != lastSeq + 1 || !entry.prevHash().equals(lastHash)
                    || !entry.hashMatches())) {
                broken = entry.seq();
            }
            if (entry.seq() == head.seq()) {
                hashAtHead = entry.hash();
            }
            lastSeq = entry.seq();
            lastHash = entry.hash();
        }

        AuditVerdict verdict() {
            Long at = broken;
            if (at == null && lastSeq < head.seq()) {
                at = lastSeq + 1; // the tail was cut off: the first missing entry
            } else if (at == null && head.seq() > 0 && !head.hash().equals(hashAtHead)) {
                at = head.seq(); // the entry the head vouches for has another hash: rewritten
            }
            return new AuditVerdict(at == null, entries, at);
        }
    }
}
