package org.sahaya.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sahaya.core.persistence.Jdbc;

/**
 * The tables {@code audit_log} and {@code audit_head} (V14_3). Blocking JDBC, on the caller's
 * connection and transaction.
 */
final class AuditTable {

    /** The end of the chain as {@code audit_head} holds it. */
    record Head(long seq, String hash) {
    }

    static final String COLUMNS = "seq, at, actor, role, action, record, address, outcome, prev_hash, hash";

    private AuditTable() {
    }

    /**
     * The head; with {@code lock}, locked until the transaction ends, so that appends from every
     * member of a cluster follow one another ({@code SELECT ... FOR UPDATE}, on H2 and PostgreSQL).
     */
    static Head head(Connection c, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, hash FROM audit_head WHERE id = 1" + (lock ? " FOR UPDATE" : ""));
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head has no row: the audit log's head was deleted", "55000");
            }
            return new Head(rs.getLong("seq"), rs.getString("hash"));
        }
    }

    /**
     * Appends {@code events} after the head, in their order, and moves the head to the last of them.
     * Run it inside a transaction: the head stays locked until it commits.
     */
    static List<AuditEntry> append(Connection c, List<AuditEvent> events) throws SQLException {
        Head head = head(c, true);
        List<AuditEntry> entries = new ArrayList<>(events.size());
        long seq = head.seq();
        String prev = head.hash();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (AuditEvent event : events) {
                AuditEvent e = AuditChain.fit(event);
                seq++;
                String hash = AuditChain.hash(prev, seq, e);
                ps.setLong(1, seq);
                Jdbc.setInstant(ps, 2, e.at());
                ps.setString(3, e.actor());
                ps.setString(4, e.role());
                ps.setString(5, e.action());
                ps.setString(6, e.record());
                ps.setString(7, e.address());
                ps.setString(8, e.outcome());
                ps.setString(9, prev);
                ps.setString(10, hash);
                ps.addBatch();
                entries.add(new AuditEntry(seq, e.at(), e.actor(), e.role(), e.action(), e.record(), e.address(),
                        e.outcome(), prev, hash));
                prev = hash;
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, prev);
            ps.executeUpdate();
        }
        return entries;
    }

    static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), Jdbc.getInstant(rs, "at"), rs.getString("actor"),
                rs.getString("role"), rs.getString("action"), rs.getString("record"), rs.getString("address"),
                rs.getString("outcome"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
