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
 * The hand-over bookkeeping of outbox rows, in {@code notification_handovers} (migration {@code V12_1}):
 * attempts, the start of the hand-over in progress, the last refusal. A hand-over is announced before
 * it happens, in its own committed write, so that after a crash a PENDING row still marked as in a
 * hand-over is known to have an unknown outcome and is not handed over blindly again.
 *
 * <p>The marks live in a narrow table of their own rather than in the {@code notifications} row: an
 * update of that row costs H2 a removal and re-insertion in each of its six indexes, and a hand-over
 * mark before every provider request was a third of the outbox's database work. Each statement still
 * checks the notification is PENDING. Blocking JDBC on the caller's connection.
 */
public final class DeliveryAttempts {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String IS_PENDING = " EXISTS (SELECT 1 FROM notifications n WHERE n.id = ? AND n.status = 'PENDING')";
    private static final String FIRST = "INSERT INTO notification_handovers (notification_id, attempts, started_at)"
            + " SELECT n.id, 1, ? FROM notifications n WHERE n.id = ? AND n.status = 'PENDING'"
            + " AND NOT EXISTS (SELECT 1 FROM notification_handovers h WHERE h.notification_id = n.id)";
    private static final String AGAIN = "UPDATE notification_handovers SET attempts = attempts + 1, started_at = ?"
            + " WHERE notification_id = ? AND started_at IS NULL AND" + IS_PENDING;

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
        return first(c, id, at) || again(c, id, at);
    }

    /** The first hand-over of a row: one insert, no row in the table yet. */
    private static boolean first(Connection c, String id, Instant at) throws SQLException {
        boolean postgres = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        try (PreparedStatement ps = c.prepareStatement(postgres ? FIRST + " ON CONFLICT (notification_id) DO NOTHING" : FIRST)) {
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            // Another node's first hand-over of the same row got in between (H2 has no ON CONFLICT); H2
            // undoes only the failed statement, so the transaction goes on.
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** A later hand-over, after a retryable refusal cleared the last one. */
    private static boolean again(Connection c, String id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(AGAIN)) {
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, id);
            ps.setString(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** The provider certainly did not take it: the row may be handed over again later. */
    public void refused(Connection c, String id, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE notification_handovers SET started_at = NULL,"
                + " last_error = ? WHERE notification_id = ? AND" + IS_PENDING)) {
            ps.setString(1, reason.length() > 200 ? reason.substring(0, 200) : reason);
            ps.setString(2, id);
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    /** Forgets an interrupted hand-over, for a channel that deduplicates by notification id. */
    public void forgetInterrupted(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE notification_handovers SET started_at = NULL WHERE notification_id = ? AND" + IS_PENDING)) {
            ps.setString(1, id);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    public Optional<State> state(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT n.status, h.attempts, h.started_at, h.last_error"
                + " FROM notifications n LEFT JOIN notification_handovers h ON h.notification_id = n.id WHERE n.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new State(Jdbc.getEnum(rs, "status", NotificationStatus.class), rs.getInt("attempts"),
                        Jdbc.getInstant(rs, "started_at"), rs.getString("last_error")));
            }
        }
    }
}
