package org.sahaya.dispatch.followup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sahaya.core.persistence.Jdbc;

/**
 * The {@code als_followups} rows. Filling the support unit is a conditional update, so that of two
 * members serving one follow-up at once only one sends its unit. Blocking JDBC.
 */
public final class AlsFollowUpRepository {

    /**
     * An ALS unit is sought for {@code incidentId} after {@code firstUnitId}: a new row, or the row of an
     * earlier BLS-first dispatch of the same incident opened again (a support unit already sent stays).
     */
    public void seek(Connection c, String incidentId, String firstUnitId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE als_followups SET first_unit_id = ?, ended_at = NULL,"
                        + " requested_at = CASE WHEN ended_at IS NULL THEN requested_at ELSE ? END WHERE incident_id = ?")) {
            ps.setString(1, firstUnitId);
            Jdbc.setInstant(ps, 2, at);
            ps.setString(3, incidentId);
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO als_followups (incident_id, first_unit_id, requested_at) VALUES (?,?,?)")) {
            ps.setString(1, incidentId);
            ps.setString(2, firstUnitId);
            Jdbc.setInstant(ps, 3, at);
            ps.executeUpdate();
        }
    }

    public Optional<AlsFollowUp> find(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM als_followups WHERE incident_id = ?")) {
            ps.setString(1, incidentId);
            List<AlsFollowUp> rows = list(ps);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
        }
    }

    /** Follow-ups still looking for an ALS unit, oldest first. */
    public List<AlsFollowUp> seeking(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM als_followups"
                + " WHERE support_unit_id IS NULL AND ended_at IS NULL ORDER BY requested_at, incident_id")) {
            return list(ps);
        }
    }

    /** @return whether the unit is now the follow-up's (false if another was sent first or it ended) */
    public boolean assign(Connection c, String incidentId, String unitId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE als_followups SET support_unit_id = ?, assigned_at = ?"
                + " WHERE incident_id = ? AND support_unit_id IS NULL AND ended_at IS NULL")) {
            ps.setString(1, unitId);
            Jdbc.setInstant(ps, 2, at);
            ps.setString(3, incidentId);
            return ps.executeUpdate() == 1;
        }
    }

    /** The support unit left before its work was done: the follow-up looks again. */
    public boolean supportLeft(Connection c, String incidentId, String unitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE als_followups SET support_unit_id = NULL, assigned_at = NULL"
                + " WHERE incident_id = ? AND support_unit_id = ? AND ended_at IS NULL")) {
            ps.setString(1, incidentId);
            ps.setString(2, unitId);
            return ps.executeUpdate() == 1;
        }
    }

    /** @return whether it was still open */
    public boolean end(Connection c, String incidentId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE als_followups SET ended_at = ? WHERE incident_id = ? AND ended_at IS NULL")) {
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, incidentId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Units the database holds on {@code incidentId} (the grid decides whether they still are). */
    public List<String> unitsOn(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM units WHERE incident_id = ?")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    private static List<AlsFollowUp> list(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<AlsFollowUp> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new AlsFollowUp(rs.getString("incident_id"), rs.getString("first_unit_id"),
                        Jdbc.getInstant(rs, "requested_at"), rs.getString("support_unit_id"),
                        Jdbc.getInstant(rs, "assigned_at"), Jdbc.getInstant(rs, "ended_at")));
            }
            return out;
        }
    }
}
