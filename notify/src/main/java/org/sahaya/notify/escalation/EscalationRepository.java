package org.sahaya.notify.escalation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.persistence.Jdbc;

/**
 * The {@code escalations} table. Every change is a compare-and-set in SQL, so two nodes (or a timer
 * and an acknowledgement) racing on one incident cannot both take a step, and an acknowledgement
 * always wins over a step not yet taken. Blocking JDBC on the caller's connection.
 */
public final class EscalationRepository {

    private static final String OPEN = " AND acknowledged_at IS NULL AND ended_reason IS NULL";

    /** Starts the incident's escalation unless it has one. @return true if this call started it */
    public boolean startIfAbsent(Connection c, String incidentId, Priority priority, Instant startedAt, Instant nextAt)
            throws SQLException {
        if (find(c, incidentId).isPresent()) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO escalations (incident_id, priority, started_at,"
                + " step, next_at) VALUES (?,?,?,0,?)")) {
            ps.setString(1, incidentId);
            ps.setString(2, priority.name());
            Jdbc.setInstant(ps, 3, startedAt);
            Jdbc.setInstant(ps, 4, nextAt);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) && c.getAutoCommit()) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Escalation> find(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM escalations WHERE incident_id = ?")) {
            ps.setString(1, incidentId);
            List<Escalation> rows = read(ps);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
        }
    }

    /** Open escalations whose next step is due at {@code now}, most overdue first. */
    public List<Escalation> due(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM escalations WHERE next_at <= ?" + OPEN
                + " ORDER BY next_at LIMIT ?")) {
            Jdbc.setInstant(ps, 1, now);
            ps.setInt(2, limit);
            return read(ps);
        }
    }

    /** Takes step {@code expectedStep + 1}. @return false when another caller took it or it was acknowledged */
    public boolean advance(Connection c, String incidentId, int expectedStep, Instant nextAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE escalations SET step = step + 1, next_at = ?"
                + " WHERE incident_id = ? AND step = ?" + OPEN)) {
            Jdbc.setInstant(ps, 1, nextAt);
            ps.setString(2, incidentId);
            ps.setInt(3, expectedStep);
            return ps.executeUpdate() == 1;
        }
    }

    /** Ends an open escalation without an acknowledgement. */
    public boolean end(Connection c, String incidentId, int expectedStep, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE escalations SET next_at = NULL, ended_reason = ?"
                + " WHERE incident_id = ? AND step = ?" + OPEN)) {
            ps.setString(1, reason);
            ps.setString(2, incidentId);
            ps.setInt(3, expectedStep);
            return ps.executeUpdate() == 1;
        }
    }

    /** Makes the next step due now (a message failed: no point waiting for it to be acknowledged). */
    public boolean dueNow(Connection c, String incidentId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE escalations SET next_at = ?"
                + " WHERE incident_id = ? AND next_at > ?" + OPEN)) {
            Jdbc.setInstant(ps, 1, now);
            ps.setString(2, incidentId);
            Jdbc.setInstant(ps, 3, now);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Records the first acknowledgement and stops the escalation. An incident that never escalated
     * (no timings for its priority) gets an already acknowledged row, so the coordinator sees it alike.
     *
     * @return true for the first acknowledgement of the incident, false when someone was first
     */
    public boolean acknowledge(Connection c, String incidentId, Priority priority, Instant at, String contactId,
                               AckVia via) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE escalations SET acknowledged_at = ?, acknowledged_by = ?,"
                + " acknowledged_via = ?, next_at = NULL WHERE incident_id = ? AND acknowledged_at IS NULL")) {
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, contactId);
            ps.setString(3, via.name());
            ps.setString(4, incidentId);
            if (ps.executeUpdate() == 1) {
                return true;
            }
        }
        if (find(c, incidentId).isPresent()) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO escalations (incident_id, priority, started_at,"
                + " step, next_at, acknowledged_at, acknowledged_by, acknowledged_via) VALUES (?,?,?,0,NULL,?,?,?)")) {
            ps.setString(1, incidentId);
            ps.setString(2, priority.name());
            Jdbc.setInstant(ps, 3, at);
            Jdbc.setInstant(ps, 4, at);
            ps.setString(5, contactId);
            ps.setString(6, via.name());
            return ps.executeUpdate() == 1;
        }
    }

    private static List<Escalation> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Escalation> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Escalation(rs.getString("incident_id"), Jdbc.getEnum(rs, "priority", Priority.class),
                        Jdbc.getInstant(rs, "started_at"), rs.getInt("step"), Jdbc.getInstant(rs, "next_at"),
                        Jdbc.getInstant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
                        Jdbc.getEnum(rs, "acknowledged_via", AckVia.class), rs.getString("ended_reason")));
            }
            return out;
        }
    }
}
