package org.sahaya.dispatch.assignment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.Jdbc;

/**
 * Which crews declined which incidents ({@code incident_declines}): a unit that declined an incident
 * is never offered it again, by a re-dispatch or by the queue. Blocking JDBC.
 */
public final class Declines {

    private final Database database;

    public Declines(Database database) {
        this.database = database;
    }

    public void record(String incidentId, String unitId, Instant at) {
        database.inTransaction(c -> {
            if (!declined(c, incidentId, unitId)) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO incident_declines (incident_id, unit_id, declined_at) VALUES (?,?,?)")) {
                    ps.setString(1, incidentId);
                    ps.setString(2, unitId);
                    Jdbc.setInstant(ps, 3, at);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Units that declined {@code incidentId}. */
    public Set<String> unitsDeclining(String incidentId) {
        return database.withConnection(c -> column(c, "SELECT unit_id FROM incident_declines WHERE incident_id = ?", incidentId));
    }

    /** Incidents {@code unitId} declined. */
    public Set<String> declinedBy(String unitId) {
        return database.withConnection(c -> column(c, "SELECT incident_id FROM incident_declines WHERE unit_id = ?", unitId));
    }

    private static boolean declined(Connection c, String incidentId, String unitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM incident_declines WHERE incident_id = ? AND unit_id = ?")) {
            ps.setString(1, incidentId);
            ps.setString(2, unitId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Set<String> column(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                Set<String> out = new HashSet<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }
}
