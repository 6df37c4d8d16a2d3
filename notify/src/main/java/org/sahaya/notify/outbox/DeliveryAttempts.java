package org.sahaya.notify.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.core.persistence.Jdbc;

/**
 * The attempt bookkeeping of outbox rows (columns {@code attempts}, {@code attempt_started_at},
 * {@code last_error}). A hand-over is announced before it happens, in its own committed update, so
 * that after a crash a PENDING row still marked as in a hand-over is known to have an unknown
 * outcome and is not handed over blindly again. Blocking JDBC on the caller's connection.
 */
public final class DeliveryAttempts {

    /** Where a row's delivery stands. */
    public record State(NotificationStatus status, int attempts, Instant attemptStartedAt, String lastError) {

        /** PENDING, yet a hand-over was started and never resolved: the process died during it. */
        public boolean interrupted() {
            return status == NotificationStatus.PENDING && attemptStartedAt != null;
        }
    }

    /**
     * Marks a hand-over as started. @return false when the row is not PENDING or a hand-over of it
     * is already marked (running, or interrupted by a crash)
     */
    public boolean begin(Connection c, String id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE notifications SET attempts = attempts + 1,"
                + " attempt_started_at = ? WHERE id = ? AND status = 'PENDING' AND attempt_started_at IS NULL")) {
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** The provider certainly did not take it: the row may be handed over again later. */
    public void refused(Connection c, String id, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE notifications SET attempt_started_at = NULL,"
                + " last_error = ? WHERE id = ? AND status = 'PENDING'")) {
            ps.setString(1, reason.length() > 200 ? reason.substring(0, 200) : reason);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    /** Forgets an interrupted hand-over, for a channel that deduplicates by notification id. */
    public void forgetInterrupted(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE notifications SET attempt_started_at = NULL WHERE id = ? AND status = 'PENDING'")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    public Optional<State> state(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status, attempts, attempt_started_at, last_error FROM notifications WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new State(Jdbc.getEnum(rs, "status", NotificationStatus.class), rs.getInt("attempts"),
                        Jdbc.getInstant(rs, "attempt_started_at"), rs.getString("last_error")));
            }
        }
    }
}
