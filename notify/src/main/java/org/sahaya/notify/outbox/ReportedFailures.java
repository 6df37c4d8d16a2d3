package org.sahaya.notify.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sahaya.core.persistence.Jdbc;

/**
 * Messages a provider reported failed after taking them, waiting to fail over to the contact's next
 * channel (table {@code notification_failovers}). A receipt adds one in the transaction that fails the
 * row; whoever {@link #take}s it writes the failover message in the same transaction, so it is done
 * once across nodes and crashes. Blocking JDBC on the caller's connection.
 */
public final class ReportedFailures {

    /** Queues a failover for {@code notificationId}; a second report of the same message adds nothing. */
    public void add(Connection c, String notificationId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification_failovers (notification_id, reported_at)"
                + " SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM notification_failovers WHERE notification_id = ?)")) {
            ps.setString(1, notificationId);
            Jdbc.setInstant(ps, 2, at);
            ps.setString(3, notificationId);
            ps.executeUpdate();
        }
    }

    /** Up to {@code limit} notification ids waiting, oldest report first. */
    public List<String> waiting(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT notification_id FROM notification_failovers ORDER BY reported_at, notification_id LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    /** Removes the entry. @return true if this call removed it, i.e. this caller does the failover */
    public boolean take(Connection c, String notificationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM notification_failovers WHERE notification_id = ?")) {
            ps.setString(1, notificationId);
            return ps.executeUpdate() == 1;
        }
    }
}
