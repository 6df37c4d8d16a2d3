package org.sahaya.server.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sahaya.core.persistence.Jdbc;
import org.sahaya.server.delivery.PartnerDelivery.Transport;

/**
 * The {@code partner_deliveries} table as the outbox uses it. Every change of a row being sent is
 * conditional on the claim ({@code claimed_by}), so a member whose claim ran out cannot overwrite what
 * the member that took the row over recorded. Blocking JDBC; portable SQL (H2 and PostgreSQL).
 */
final class DeliveryRows {

    private static final String PENDING = "delivered_at IS NULL AND given_up_at IS NULL";

    /** Stores a delivery unless its delivery id is stored already. @return whether it was new */
    boolean insert(Connection c, PartnerDelivery d, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM partner_deliveries WHERE delivery_id = ?")) {
            ps.setString(1, d.deliveryId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        // Two transactions may both have found nothing: the unique index decides, and a savepoint keeps the
        // caller's transaction usable on PostgreSQL, which aborts a transaction on any failed statement.
        java.sql.Savepoint before = c.getAutoCommit() ? null : c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO partner_deliveries (delivery_id, partner_id, transport,"
                + " kind, incident_id, body, created_at, decided_at, attempts, next_attempt_at) VALUES (?,?,?,?,?,?,?,?,0,?)")) {
            ps.setString(1, d.deliveryId());
            ps.setString(2, d.partnerId());
            ps.setString(3, d.transport().name());
            ps.setString(4, d.kind());
            ps.setString(5, d.incidentId());
            ps.setString(6, d.body());
            Jdbc.setInstant(ps, 7, now);
            Jdbc.setInstant(ps, 8, d.decidedAt());
            Jdbc.setInstant(ps, 9, now);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            if (before != null) {
                c.rollback(before);
            }
            return false;
        }
        if (before != null) {
            c.releaseSavepoint(before);
        }
        return true;
    }

    /** Partners with a pending row that is due now and not held by another member. */
    List<String> partnersDue(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT partner_id FROM partner_deliveries WHERE "
                + PENDING + " AND next_attempt_at <= ? AND (claimed_by IS NULL OR claimed_until < ?)")) {
            Jdbc.setInstant(ps, 1, now);
            Jdbc.setInstant(ps, 2, now);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    /** The partner's pending row with the lowest id: the only one of its rows that may be sent. */
    Optional<PendingDelivery> head(Connection c, String partnerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM partner_deliveries WHERE partner_id = ? AND "
                + PENDING + " ORDER BY id FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, partnerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Takes the row for {@code member} until {@code until}, unless another member holds a live claim. */
    boolean claim(Connection c, long id, String member, Instant now, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE partner_deliveries SET claimed_by = ?, claimed_until = ?"
                + " WHERE id = ? AND " + PENDING + " AND (claimed_by IS NULL OR claimed_by = ? OR claimed_until < ?)")) {
            ps.setString(1, member);
            Jdbc.setInstant(ps, 2, until);
            ps.setLong(3, id);
            ps.setString(4, member);
            Jdbc.setInstant(ps, 5, now);
            return ps.executeUpdate() == 1;
        }
    }

    /** The partner answered 2xx. */
    boolean delivered(Connection c, long id, String member, Instant now, int status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE partner_deliveries SET delivered_at = ?, last_status = ?,"
                + " last_error = NULL, attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL"
                + " WHERE id = ? AND claimed_by = ?")) {
            Jdbc.setInstant(ps, 1, now);
            ps.setInt(2, status);
            ps.setLong(3, id);
            ps.setString(4, member);
            return ps.executeUpdate() == 1;
        }
    }

    /** The attempt failed: try again at {@code next}, or never again when {@code givenUp}. */
    boolean failed(Connection c, long id, String member, Integer status, String error, Instant next, Instant givenUp)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE partner_deliveries SET last_status = ?, last_error = ?,"
                + " attempts = attempts + 1, next_attempt_at = ?, given_up_at = ?, claimed_by = NULL, claimed_until = NULL"
                + " WHERE id = ? AND claimed_by = ?")) {
            Jdbc.setInteger(ps, 1, status);
            ps.setString(2, error.length() > 500 ? error.substring(0, 497) + "..." : error);
            Jdbc.setInstant(ps, 3, next);
            Jdbc.setInstant(ps, 4, givenUp);
            ps.setLong(5, id);
            ps.setString(6, member);
            return ps.executeUpdate() == 1;
        }
    }

    /** Lets go of every row {@code member} holds (it is stopping): another member may send them at once. */
    int release(Connection c, String member) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE partner_deliveries SET claimed_by = NULL, claimed_until = NULL"
                + " WHERE claimed_by = ? AND " + PENDING)) {
            ps.setString(1, member);
            return ps.executeUpdate();
        }
    }

    /** Rows neither delivered nor given up. */
    long pending(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM partner_deliveries WHERE " + PENDING);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PendingDelivery read(ResultSet rs) throws SQLException {
        return new PendingDelivery(rs.getLong("id"), rs.getString("delivery_id"), rs.getString("partner_id"),
                Transport.valueOf(rs.getString("transport")), rs.getString("kind"), rs.getString("incident_id"),
                rs.getString("body"), Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "decided_at"),
                rs.getInt("attempts"), Jdbc.getInstant(rs, "next_attempt_at"), rs.getString("claimed_by"),
                Jdbc.getInstant(rs, "claimed_until"));
    }
}
