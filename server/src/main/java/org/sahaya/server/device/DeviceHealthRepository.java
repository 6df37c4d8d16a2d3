package org.sahaya.server.device;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sahaya.core.config.DeviceSettings;
import org.sahaya.core.persistence.Jdbc;

/** The {@code device_health} table and each device's own heartbeat interval. Blocking JDBC. */
final class DeviceHealthRepository {

    /**
     * The devices a sweep at {@code now} may have news about, a superset of those {@link HealthRules}
     * finds a verdict for: silent past the node's interval and grace (every device with an interval of its
     * own, which the rules then judge by it), heard again after going offline, or with a battery reading
     * that is news. The rest, every device heard on time with nothing to tell, stays in the database.
     */
    List<DeviceState> toJudge(Connection c, Instant now, DeviceSettings settings) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT h.*, d.heartbeat_seconds FROM device_health h JOIN devices d ON d.id = h.device_id WHERE"
                        + " (h.offline_since IS NULL AND (d.heartbeat_seconds IS NOT NULL OR h.last_heard_at < ?))"
                        + " OR (h.offline_since IS NOT NULL AND h.last_heard_at > h.offline_since)"
                        + " OR (h.battery_percent <= ? AND (h.low_battery_since IS NULL OR h.low_battery_since <= ?))"
                        + " OR (h.battery_percent > ? AND h.low_battery_since IS NOT NULL)")) {
            Jdbc.setInstant(ps, 1, now.minus(settings.heartbeat()).minus(settings.grace()));
            ps.setInt(2, settings.lowBatteryPercent());
            Jdbc.setInstant(ps, 3, now.minus(HealthRules.LOW_BATTERY_REMINDER));
            ps.setInt(4, settings.lowBatteryPercent() + HealthRules.CHARGED_MARGIN);
            return states(ps);
        }
    }

    private static List<DeviceState> states(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<DeviceState> out = new ArrayList<>();
            while (rs.next()) {
                Integer seconds = Jdbc.getInteger(rs, "heartbeat_seconds");
                out.add(new DeviceState(rs.getString("device_id"), Jdbc.getInstant(rs, "last_heard_at"),
                        rs.getString("last_gateway"), seconds == null ? null : Duration.ofSeconds(seconds),
                        Jdbc.getInteger(rs, "battery_percent"), Jdbc.getInstant(rs, "offline_since"),
                        rs.getString("offline_incident_id"), Jdbc.getInstant(rs, "low_battery_since")));
            }
            return out;
        }
    }

    /** Records a newer sighting; a device without a row gets one. False if the device is unknown. */
    boolean heard(Connection c, String deviceId, Seen seen) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE device_health SET last_heard_at = ?, last_gateway = ?, battery_percent = COALESCE(?, battery_percent)"
                        + " WHERE device_id = ? AND last_heard_at < ?")) {
            Instant at = Instant.ofEpochMilli(seen.atMillis());
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, seen.gateway());
            Jdbc.setInteger(ps, 3, seen.batteryPercent());
            ps.setString(4, deviceId);
            Jdbc.setInstant(ps, 5, at);
            if (ps.executeUpdate() == 1) {
                return true;
            }
        }
        if (exists(c, deviceId)) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device_health (device_id, last_heard_at, last_gateway,"
                + " battery_percent) SELECT id, ?, ?, ? FROM devices WHERE id = ?")) {
            Jdbc.setInstant(ps, 1, Instant.ofEpochMilli(seen.atMillis()));
            ps.setString(2, seen.gateway());
            Jdbc.setInteger(ps, 3, seen.batteryPercent());
            ps.setString(4, deviceId);
            return ps.executeUpdate() == 1;
        }
    }

    void offline(Connection c, String deviceId, Instant since, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE device_health SET offline_since = ?, offline_incident_id = ? WHERE device_id = ?")) {
            Jdbc.setInstant(ps, 1, since);
            ps.setString(2, incidentId);
            ps.setString(3, deviceId);
            ps.executeUpdate();
        }
    }

    void backOnline(Connection c, String deviceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE device_health SET offline_since = NULL, offline_incident_id = NULL WHERE device_id = ?")) {
            ps.setString(1, deviceId);
            ps.executeUpdate();
        }
    }

    void charged(Connection c, String deviceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE device_health SET low_battery_since = NULL WHERE device_id = ?")) {
            ps.setString(1, deviceId);
            ps.executeUpdate();
        }
    }

    /**
     * Notes that the family is being told of a low battery, unless they were told within {@code reminder}.
     * One conditional statement, so two alerts racing tell the family once.
     *
     * @return true if this call took the news (tell the family), false if it was already told
     */
    boolean noticeLowBattery(Connection c, String deviceId, Instant now, Duration reminder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE device_health SET low_battery_since = ? WHERE device_id = ?"
                + " AND (low_battery_since IS NULL OR low_battery_since <= ?)")) {
            Jdbc.setInstant(ps, 1, now);
            ps.setString(2, deviceId);
            Jdbc.setInstant(ps, 3, now.minus(reminder));
            if (ps.executeUpdate() == 1) {
                return true;
            }
        }
        if (exists(c, deviceId)) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device_health (device_id, last_heard_at,"
                + " low_battery_since) SELECT id, ?, ? FROM devices WHERE id = ?")) {
            Jdbc.setInstant(ps, 1, now);
            Jdbc.setInstant(ps, 2, now);
            ps.setString(3, deviceId);
            return ps.executeUpdate() == 1;
        }
    }

    /** For tests and the coordinator: a device's own heartbeat interval, null for the default. */
    void interval(Connection c, String deviceId, Duration interval) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE devices SET heartbeat_seconds = ? WHERE id = ?")) {
            Jdbc.setInteger(ps, 1, interval == null ? null : (int) interval.toSeconds());
            ps.setString(2, deviceId);
            ps.executeUpdate();
        }
    }

    private static boolean exists(Connection c, String deviceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM device_health WHERE device_id = ?")) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
