package org.sahaya.loadtest.reference;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;

/**
 * The reference dispatcher's transactions, written the way a typical team writes them: one
 * transaction per alert that stores it, takes the nearest available unit with
 * {@code ORDER BY geom <-> point LIMIT 1 FOR UPDATE SKIP LOCKED}, marks it busy and opens the
 * incident. Blocking JDBC; called on virtual threads.
 */
final class ReferenceDesk {

    /** Alert types that send an ambulance at once (the node's defaults for FALL, SOS and MEDICAL). */
    static final Set<String> DISPATCH_NOW = Set.of("FALL", "SOS", "MEDICAL");

    private static final String NEAREST = "SELECT id FROM units WHERE available"
            + " ORDER BY geom <-> ST_SetSRID(ST_MakePoint(?, ?), 4326) LIMIT 1 FOR UPDATE SKIP LOCKED";

    /** The answer to an alert: the incident it went to, that incident's state and the unit sent (or null). */
    record Outcome(String incidentId, String status, String unitId) {
    }

    private final HikariDataSource pool;

    ReferenceDesk(HikariDataSource pool) {
        this.pool = pool;
    }

    Outcome alert(String deviceId, String alertId, String type, double lat, double lon) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                Outcome outcome = alert(c, deviceId, alertId, type, lat, lon);
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Outcome alert(Connection c, String deviceId, String alertId, String type, double lat, double lon)
            throws SQLException {
        String incidentId = "ref-" + UUID.randomUUID();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO alerts VALUES (?, ?, ?, now(), ?)"
                + " ON CONFLICT (device_id, alert_id) DO NOTHING")) {
            insert.setString(1, deviceId);
            insert.setString(2, alertId);
            insert.setString(3, type);
            insert.setString(4, incidentId);
            if (insert.executeUpdate() == 0) {
                return resent(c, deviceId, alertId);
            }
        }
        String unit = null;
        String state = "RECORDED";
        if (DISPATCH_NOW.contains(type)) {
            try (PreparedStatement nearest = c.prepareStatement(NEAREST)) {
                nearest.setDouble(1, lon);
                nearest.setDouble(2, lat);
                try (ResultSet rs = nearest.executeQuery()) {
                    unit = rs.next() ? rs.getString(1) : null;
                }
            }
            state = unit == null ? "QUEUED" : "DISPATCHED";
            if (unit != null) {
                try (PreparedStatement take = c.prepareStatement(
                        "UPDATE units SET available = false, incident_id = ? WHERE id = ?")) {
                    take.setString(1, incidentId);
                    take.setString(2, unit);
                    take.executeUpdate();
                }
            }
        }
        try (PreparedStatement open = c.prepareStatement("INSERT INTO incidents VALUES (?, ?, ?, ?, ?, now(),"
                + " CASE WHEN ? IS NULL THEN NULL ELSE now() END)")) {
            open.setString(1, incidentId);
            open.setString(2, deviceId);
            open.setString(3, type);
            open.setString(4, state);
            open.setString(5, unit);
            open.setString(6, unit);
            open.executeUpdate();
        }
        return new Outcome(incidentId, state, unit);
    }

    private static Outcome resent(Connection c, String deviceId, String alertId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT i.id, i.state FROM alerts a JOIN incidents i"
                + " ON i.id = a.incident_id WHERE a.device_id = ? AND a.alert_id = ?")) {
            ps.setString(1, deviceId);
            ps.setString(2, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                // A concurrent first copy not yet committed: report it as in progress, as the node would.
                return rs.next() ? new Outcome(rs.getString(1), rs.getString(2), null)
                        : new Outcome(null, "RECEIVED", null);
            }
        }
    }

    /**
     * The unit's crew finished its job: its incident is closed and the unit takes the oldest queued
     * incident, or is free again. One transaction.
     *
     * @return the incident the unit now works, or null if it is free
     */
    String release(String unitId) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                String next = release(c, unitId);
                c.commit();
                return next;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static String release(Connection c, String unitId) throws SQLException {
        try (PreparedStatement close = c.prepareStatement("UPDATE incidents SET state = 'CLOSED'"
                + " WHERE id = (SELECT incident_id FROM units WHERE id = ?)")) {
            close.setString(1, unitId);
            close.executeUpdate();
        }
        String next = null;
        try (PreparedStatement oldest = c.prepareStatement("SELECT id FROM incidents WHERE state = 'QUEUED'"
                + " ORDER BY opened_at LIMIT 1 FOR UPDATE SKIP LOCKED");
             ResultSet rs = oldest.executeQuery()) {
            if (rs.next()) {
                next = rs.getString(1);
            }
        }
        if (next != null) {
            try (PreparedStatement send = c.prepareStatement(
                    "UPDATE incidents SET state = 'DISPATCHED', unit_id = ?, dispatched_at = now() WHERE id = ?")) {
                send.setString(1, unitId);
                send.setString(2, next);
                send.executeUpdate();
            }
        }
        try (PreparedStatement unit = c.prepareStatement("UPDATE units SET available = ?, incident_id = ? WHERE id = ?")) {
            unit.setBoolean(1, next == null);
            unit.setString(2, next);
            unit.setString(3, unitId);
            unit.executeUpdate();
        }
        return next;
    }

    void heartbeat(String deviceId, Integer battery) throws SQLException {
        update("INSERT INTO devices VALUES (?, now(), ?) ON CONFLICT (id) DO UPDATE SET last_seen = now(),"
                + " battery = excluded.battery", deviceId, battery);
    }

    void position(String unitId, double lat, double lon) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE units SET geom = ST_SetSRID(ST_MakePoint(?, ?), 4326) WHERE id = ?")) {
            ps.setDouble(1, lon);
            ps.setDouble(2, lat);
            ps.setString(3, unitId);
            ps.executeUpdate();
        }
    }

    void beds(String hospitalId, String freeBedsJson) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE hospitals SET free_beds = free_beds || ?::jsonb, updated_at = now() WHERE id = ?")) {
            ps.setString(1, freeBedsJson);
            ps.setString(2, hospitalId);
            ps.executeUpdate();
        }
    }

    private void update(String sql, String id, Integer value) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            if (value == null) {
                ps.setNull(2, java.sql.Types.INTEGER);
            } else {
                ps.setInt(2, value);
            }
            ps.executeUpdate();
        }
    }
}
