package org.sahaya.dispatch.hospital;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.sahaya.core.persistence.Jdbc;

/**
 * The receiving hospitals' decisions ({@code hospital_decisions}, one per incident and hospital): what a
 * hospital said about a patient, and which hospitals declined an incident, so that a declining hospital
 * is never chosen again for it. Blocking JDBC, inside the caller's transaction.
 */
public final class HospitalDecisions {

    /** The hospitals that declined {@code incidentId}. */
    public Set<String> decliners(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT hospital_id FROM hospital_decisions WHERE incident_id = ? AND decision = 'DECLINE'")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                Set<String> out = new HashSet<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    /** What {@code hospitalId} decided about {@code incidentId}, if it did. */
    public Optional<HospitalDecision> find(Connection c, String incidentId, String hospitalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM hospital_decisions WHERE incident_id = ? AND hospital_id = ?")) {
            ps.setString(1, incidentId);
            ps.setString(2, hospitalId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new HospitalDecision(incidentId, hospitalId,
                        Jdbc.getEnum(rs, "decision", HospitalDecision.Verdict.class), rs.getString("reason"),
                        rs.getString("decided_by"), Jdbc.getInstant(rs, "decided_at")));
            }
        }
    }

    /**
     * Writes the decision in place of the hospital's earlier one (an accept it now takes back with a decline).
     * A second insert of the same pair at once fails on the primary key: the caller's transaction rolls back.
     */
    public void save(Connection c, HospitalDecision d) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE hospital_decisions SET decision = ?, reason = ?,"
                + " decided_by = ?, decided_at = ? WHERE incident_id = ? AND hospital_id = ?")) {
            bind(up, d);
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement("INSERT INTO hospital_decisions (decision, reason, decided_by,"
                + " decided_at, incident_id, hospital_id) VALUES (?,?,?,?,?,?)")) {
            bind(in, d);
            in.executeUpdate();
        }
    }

    /** Removes what {@code hospitalId} decided about {@code incidentId} (a decline that lost its move). */
    public void delete(Connection c, String incidentId, String hospitalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM hospital_decisions WHERE incident_id = ? AND hospital_id = ?")) {
            ps.setString(1, incidentId);
            ps.setString(2, hospitalId);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, HospitalDecision d) throws SQLException {
        ps.setString(1, d.verdict().name());
        ps.setString(2, d.reason());
        ps.setString(3, d.decidedBy());
        Jdbc.setInstant(ps, 4, d.decidedAt());
        ps.setString(5, d.incidentId());
        ps.setString(6, d.hospitalId());
    }
}
