package org.sahaya.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.alert.AlertReceipt;
import org.sahaya.core.alert.AlertType;

/** Received alerts, keyed by (device, device's alert id). Blocking JDBC. */
public final class AlertRepository {

    public void insert(Connection c, Alert a, String incidentId, AlertOutcome outcome) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO alerts (device_id, alert_id, alert_type, occurred_at, received_at, lat, lon, accuracy_m,"
                        + " vitals, incident_id, outcome, extras_truncated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, a.deviceId());
            ps.setString(2, a.alertId());
            ps.setString(3, a.type().name());
            Jdbc.setInstant(ps, 4, a.occurredAt());
            Jdbc.setInstant(ps, 5, a.receivedAt());
            Jdbc.setDouble(ps, 6, a.location() == null ? null : a.location().lat());
            Jdbc.setDouble(ps, 7, a.location() == null ? null : a.location().lon());
            Jdbc.setDouble(ps, 8, a.accuracyM());
            ps.setString(9, a.vitalsJson());
            ps.setString(10, incidentId);
            ps.setString(11, outcome.name());
            ps.setBoolean(12, a.extrasTruncated());
            ps.executeUpdate();
        }
    }

    /** The stored answer for an alert already received, marked as a duplicate. */
    public Optional<AlertReceipt> receipt(Connection c, String deviceId, String alertId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT incident_id, outcome FROM alerts WHERE device_id = ? AND alert_id = ?")) {
            ps.setString(1, deviceId);
            ps.setString(2, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new AlertReceipt(alertId, rs.getString(1), AlertOutcome.valueOf(rs.getString(2)), true))
                        : Optional.empty();
            }
        }
    }

    /** Summaries of the alerts of an incident, oldest first (no location or vitals). */
    public List<AlertSummary> ofIncident(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT device_id, alert_id, alert_type, occurred_at, received_at, outcome, extras_truncated FROM alerts"
                        + " WHERE incident_id = ? ORDER BY received_at, alert_id")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                List<AlertSummary> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new AlertSummary(rs.getString(1), rs.getString(2), AlertType.valueOf(rs.getString(3)),
                            Jdbc.getInstant(rs, "occurred_at"), Jdbc.getInstant(rs, "received_at"),
                            AlertOutcome.valueOf(rs.getString(6)), rs.getBoolean(7)));
                }
                return out;
            }
        }
    }

    public long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM alerts"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * An alert as the incident view shows it.
     *
     * @param extrasTruncated its vitals went beyond {@link org.sahaya.core.alert.VitalsBound} and were cut
     */
    public record AlertSummary(String deviceId, String alertId, AlertType type, java.time.Instant occurredAt,
                               java.time.Instant receivedAt, AlertOutcome outcome, boolean extrasTruncated) {
    }
}
