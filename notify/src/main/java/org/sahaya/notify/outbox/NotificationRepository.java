package org.sahaya.notify.outbox;

import static org.sahaya.notify.outbox.NotificationRows.first;
import static org.sahaya.notify.outbox.NotificationRows.query;
import static org.sahaya.notify.outbox.NotificationRows.read;
import static org.sahaya.notify.outbox.NotificationRows.statusesThatCanMoveTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.core.persistence.Jdbc;

/**
 * The notification outbox: each message is written here before it is sent, and its status only
 * moves forward ({@link NotificationStatus#canMoveTo}), which every update re-checks in SQL so a
 * concurrent writer cannot move a row back. Rows waiting for a sender (after a crash, or held by quiet
 * hours) are found and taken through {@link PendingNotifications}; failures a provider reports later wait
 * in {@link ReportedFailures}. Blocking JDBC; methods take the caller's connection so they join its
 * transaction.
 */
public final class NotificationRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private static final String MARK_SENT = "UPDATE notifications SET status = 'SENT', sent_at = ?, provider_id = ?"
            + " WHERE id = ? AND status IN (" + statusesThatCanMoveTo(NotificationStatus.SENT) + ")";
    private static final String MARK_FAILED = "UPDATE notifications SET status = 'FAILED', failure_reason = ?"
            + " WHERE id = ? AND status IN (" + statusesThatCanMoveTo(NotificationStatus.FAILED) + ")";

    /**
     * Writes {@code n} unless a row for the same (incident, contact, channel, step) exists, in which
     * case that row is returned unchanged. Race-safe: the unique constraint decides, not a prior read.
     * Inside a transaction the failed insert is rolled back to a savepoint, so the transaction
     * stays usable (PostgreSQL would otherwise abort it).
     *
     * @return {@code n} if it was written (same id), else the row that was already there
     */
    public Notification insertIfAbsent(Connection c, Notification n) throws SQLException {
        if (isPostgres(c)) {
            // One statement instead of savepoint, insert, release: three round trips per outbox row.
            if (insert(c, n, " ON CONFLICT (incident_id, contact_id, channel, step) DO NOTHING") == 1) {
                return n;
            }
            return findByKey(c, n.incidentId(), n.contactId(), n.channel(), n.step())
                    .orElseThrow(() -> new SQLException("outbox row " + n.id() + " neither written nor found"));
        }
        Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
        try {
            insert(c, n, "");
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            if (savepoint != null) {
                c.rollback(savepoint);
            }
            // A clash on the primary key alone (a reused id) is a bug, not a duplicate message.
            return findByKey(c, n.incidentId(), n.contactId(), n.channel(), n.step()).orElseThrow(() -> e);
        }
        if (savepoint != null) {
            c.releaseSavepoint(savepoint);
        }
        return n;
    }

    /** PENDING → SENT. @return false when the row is missing or already past PENDING */
    public boolean markSent(Connection c, String id, Instant at, String providerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MARK_SENT)) {
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, providerId);
            ps.setString(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Moves the row to FAILED with a reason. The table has no failure time: the caller stamps the
     * incident timeline with it.
     *
     * @return false when the row is missing, already FAILED, or ACKNOWLEDGED
     */
    public boolean markFailed(Connection c, String id, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MARK_FAILED)) {
            ps.setString(1, storedReason(reason));
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** The failure reason as {@link #markFailed} stores it (the column holds 1,000 characters). */
    public static String storedReason(String reason) {
        return reason.length() > 1000 ? reason.substring(0, 997) + "..." : reason;
    }

    public Optional<Notification> find(Connection c, String id) throws SQLException {
        return first(query(c, "SELECT * FROM notifications WHERE id = ?", id));
    }

    /** Every notification of the incident, oldest first. */
    public List<Notification> findByIncident(Connection c, String incidentId) throws SQLException {
        return query(c, "SELECT * FROM notifications WHERE incident_id = ? ORDER BY created_at, id", incidentId);
    }

    /**
     * Moves the row forward to {@code target} (with a reason for FAILED), re-checking the allowed
     * moves in SQL so a concurrent or out-of-order update never moves it back.
     *
     * @return false when the row is missing or the move is not allowed from its current status
     */
    public boolean moveTo(Connection c, String id, NotificationStatus target, String reason) throws SQLException {
        if (target == NotificationStatus.FAILED) {
            return markFailed(c, id, reason == null ? "FAILED" : reason);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE notifications SET status = ? WHERE id = ? AND status IN ("
                + statusesThatCanMoveTo(target) + ")")) {
            ps.setString(1, target.name());
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** The row a provider knows by {@code providerId} (Twilio's MessageSid or CallSid). */
    public Optional<Notification> findByProviderId(Connection c, String providerId) throws SQLException {
        return first(query(c, "SELECT * FROM notifications WHERE provider_id = ? ORDER BY created_at DESC", providerId));
    }

    /** The contact's notifications, newest first. */
    public List<Notification> findByContact(Connection c, String contactId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM notifications WHERE contact_id = ? ORDER BY created_at DESC, id DESC LIMIT ?")) {
            ps.setString(1, contactId);
            ps.setInt(2, limit);
            return read(ps);
        }
    }

    /** When each held-back row of the incident may go, by notification id. */
    public Map<String, Instant> heldUntil(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, not_before FROM notifications WHERE incident_id = ? AND not_before IS NOT NULL")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Instant> out = new HashMap<>();
                while (rs.next()) {
                    out.put(rs.getString("id"), Jdbc.getInstant(rs, "not_before"));
                }
                return out;
            }
        }
    }

    private Optional<Notification> findByKey(Connection c, String incidentId, String contactId, Channel channel,
                                             String step) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM notifications"
                + " WHERE incident_id = ? AND contact_id = ? AND channel = ? AND step = ?")) {
            ps.setString(1, incidentId);
            ps.setString(2, contactId);
            ps.setString(3, channel.name());
            ps.setString(4, step);
            return first(read(ps));
        }
    }

    private static boolean isPostgres(Connection c) throws SQLException {
        return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
    }

    private static int insert(Connection c, Notification n, String onConflict) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notifications (id, incident_id, contact_id,"
                + " channel, step, language, body, status, created_at, sent_at, provider_id, failure_reason)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)" + onConflict)) {
            ps.setString(1, n.id());
            ps.setString(2, n.incidentId());
            ps.setString(3, n.contactId());
            ps.setString(4, n.channel().name());
            ps.setString(5, n.step());
            ps.setString(6, n.language());
            ps.setString(7, n.text());
            ps.setString(8, n.status().name());
            Jdbc.setInstant(ps, 9, n.createdAt());
            Jdbc.setInstant(ps, 10, n.sentAt());
            ps.setString(11, n.providerId());
            ps.setString(12, n.failureReason());
            return ps.executeUpdate();
        }
    }

    /** Whether any message was ever written for the incident (whatever became of it). */
    public boolean anyForIncident(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM notifications WHERE incident_id = ?")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
