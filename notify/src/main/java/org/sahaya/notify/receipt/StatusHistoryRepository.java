package org.sahaya.notify.receipt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.core.persistence.Jdbc;

/** Append-only history of a notification's status after it left the outbox. Blocking JDBC. */
public final class StatusHistoryRepository {

    /** One change. @param source who said so: {@code twilio-status}, {@code ack:VOICE_KEYPRESS}, ... */
    public record Change(String notificationId, NotificationStatus status, Instant at, String source, String detail) {
    }

    public void append(Connection c, Change change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification_status_history"
                + " (notification_id, status, changed_at, source, detail) VALUES (?,?,?,?,?)")) {
            ps.setString(1, change.notificationId());
            ps.setString(2, change.status().name());
            Jdbc.setInstant(ps, 3, change.at());
            ps.setString(4, change.source());
            ps.setString(5, change.detail());
            ps.executeUpdate();
        }
    }

    /** Every change of the incident's notifications by notification id, oldest first. */
    public Map<String, List<Change>> ofIncident(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT h.* FROM notification_status_history h"
                + " JOIN notifications n ON n.id = h.notification_id WHERE n.incident_id = ? ORDER BY h.seq")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, List<Change>> out = new LinkedHashMap<>();
                while (rs.next()) {
                    Change change = new Change(rs.getString("notification_id"),
                            Jdbc.getEnum(rs, "status", NotificationStatus.class), Jdbc.getInstant(rs, "changed_at"),
                            rs.getString("source"), rs.getString("detail"));
                    out.computeIfAbsent(change.notificationId(), k -> new ArrayList<>()).add(change);
                }
                return out;
            }
        }
    }
}
