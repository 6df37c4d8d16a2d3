package org.sahaya.notify.outbox;

import static org.sahaya.notify.outbox.NotificationRows.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.persistence.Jdbc;

/**
 * The outbox rows still PENDING that no live request is sending: rows a crash left behind, and rows
 * held back by the contact's quiet hours ({@code not_before}) until their time comes. Blocking JDBC;
 * methods take the caller's connection so they join its transaction.
 */
public final class PendingNotifications {

    /** Up to {@code limit} rows still PENDING, oldest first. */
    public List<Notification> findPending(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM notifications WHERE status = 'PENDING' ORDER BY created_at, id LIMIT ?")) {
            ps.setInt(1, limit);
            return read(ps);
        }
    }

    /** Up to {@code limit} PENDING rows due at {@code now} (not held back by quiet hours), oldest first. */
    public List<Notification> findPending(Connection c, int limit, Instant now) throws SQLException {
        return findPendingAfter(c, limit, now, null);
    }

    /**
     * {@link #findPending(Connection, int, Instant)} continued after {@code after} (the last row of the
     * previous page, in the same order; null = from the start), so a reader that leaves rows PENDING
     * (a peer's, in a cluster) still reaches the rows behind them.
     */
    public List<Notification> findPendingAfter(Connection c, int limit, Instant now, Notification after)
            throws SQLException {
        String page = after == null ? "" : " AND (created_at > ? OR (created_at = ? AND id > ?))";
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM notifications WHERE status = 'PENDING'"
                + " AND (not_before IS NULL OR not_before <= ?)" + page + " ORDER BY created_at, id LIMIT ?")) {
            int i = 1;
            Jdbc.setInstant(ps, i++, now);
            if (after != null) {
                Jdbc.setInstant(ps, i++, after.createdAt());
                Jdbc.setInstant(ps, i++, after.createdAt());
                ps.setString(i++, after.id());
            }
            ps.setInt(i, limit);
            return read(ps);
        }
    }

    /** Holds a PENDING row back until {@code notBefore} (quiet hours); it stays visible as PENDING. */
    public void holdUntil(Connection c, String id, Instant notBefore) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE notifications SET not_before = ? WHERE id = ?")) {
            Jdbc.setInstant(ps, 1, notBefore);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    /** Up to {@code limit} PENDING rows held back by quiet hours whose time has come, oldest first. */
    public List<Notification> findHeldDue(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM notifications WHERE status = 'PENDING'"
                + " AND not_before IS NOT NULL AND not_before <= ? ORDER BY not_before, id LIMIT ?")) {
            Jdbc.setInstant(ps, 1, now);
            ps.setInt(2, limit);
            return read(ps);
        }
    }

    /**
     * Takes a held row for sending: clears its hold if it still has one. A compare-and-set, so of two
     * nodes looking at the same due row only one sends it.
     *
     * @return true if this call took it
     */
    public boolean releaseHold(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE notifications SET not_before = NULL"
                + " WHERE id = ? AND status = 'PENDING' AND not_before IS NOT NULL")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
        }
    }
}
