package org.sahaya.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sahaya.core.Coordinates;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;

/**
 * Hospitals with their bed board (the hospital's reported count and what is free for dispatch per kind,
 * Sahaya's holds per incident). Blocking JDBC.
 */
public final class HospitalRepository {

    /** Insert or update the hospital and replace its bed rows and reservations with the given ones. */
    public void save(Connection c, Hospital h) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE hospitals SET name=?, lat=?, lon=?, partner=? WHERE id=?")) {
            bind(up, h);
            if (up.executeUpdate() == 0) {
                try (PreparedStatement in = c.prepareStatement(
                        "INSERT INTO hospitals (name, lat, lon, partner, id) VALUES (?,?,?,?,?)")) {
                    bind(in, h);
                    in.executeUpdate();
                }
                partnerOf(c, h);
            }
        }
        delete(c, "DELETE FROM hospital_beds WHERE hospital_id = ?", h.id());
        delete(c, "DELETE FROM bed_reservations WHERE hospital_id = ?", h.id());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO hospital_beds (hospital_id, kind, free_beds, reported_beds) VALUES (?,?,?,?)")) {
            for (BedKind kind : h.reportedBeds().keySet()) {
                ps.setString(1, h.id());
                ps.setString(2, kind.name());
                ps.setInt(3, h.free(kind));
                ps.setInt(4, h.reported(kind));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO bed_reservations (incident_id, hospital_id, kind) VALUES (?,?,?)")) {
            for (Map.Entry<String, BedKind> e : h.reservations().entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, h.id());
                ps.setString(3, e.getValue().name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every hospital is a partner of its own (id = the hospital's id), created without a key. */
    private static void partnerOf(Connection c, Hospital h) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM partners WHERE id = ?")) {
            ps.setString(1, h.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO partners (id, kind, name) VALUES (?, 'HOSPITAL', ?)")) {
            ps.setString(1, h.id());
            ps.setString(2, h.name());
            ps.executeUpdate();
        }
    }

    /**
     * Up to {@code limit} hospitals in id order after {@code after} (null: from the first), only
     * {@code only} when it is not null: a page of the hospital list, without bed boards.
     */
    public List<Hospital> page(Connection c, String after, int limit, String only) throws SQLException {
        return page(c, after, limit, only, null);
    }

    /**
     * As {@link #page(Connection, String, int, String)}, only hospitals whose preference is {@code preferred}
     * when it is not null; never a hospital an admin removed.
     */
    public List<Hospital> page(Connection c, String after, int limit, String only, Boolean preferred) throws SQLException {
        String sql = "SELECT * FROM hospitals WHERE id > ? AND removed_at IS NULL" + (only == null ? "" : " AND id = ?")
                + (preferred == null ? "" : " AND partner = ?") + " ORDER BY id LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, after == null ? "" : after);
            if (only != null) {
                ps.setString(i++, only);
            }
            if (preferred != null) {
                ps.setBoolean(i++, preferred);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<Hospital> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Hospital(rs.getString("id"), rs.getString("name"),
                            new Coordinates(rs.getDouble("lat"), rs.getDouble("lon")), rs.getBoolean("partner"),
                            Map.of(), Map.of()));
                }
                return out;
            }
        }
    }

    private static void bind(PreparedStatement ps, Hospital h) throws SQLException {
        ps.setString(1, h.name());
        ps.setDouble(2, h.position().lat());
        ps.setDouble(3, h.position().lon());
        ps.setBoolean(4, h.partner());
        ps.setString(5, h.id());
    }

    private static void delete(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    public Optional<Hospital> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM hospitals WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Hospital(rs.getString("id"), rs.getString("name"),
                        new Coordinates(rs.getDouble("lat"), rs.getDouble("lon")), rs.getBoolean("partner"),
                        reportedBeds(c, id), reservations(c, id)));
            }
        }
    }

    /** The hospital holding a bed for {@code incidentId}, if any. */
    public Optional<String> reservationOf(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hospital_id FROM bed_reservations WHERE incident_id = ?")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The hospital as the grid may load it: not one an admin removed. */
    public Optional<Hospital> findLive(Connection c, String id) throws SQLException {
        return isRemoved(c, id) ? Optional.empty() : find(c, id);
    }

    /** Whether an admin removed the hospital (false for an unknown one). */
    public boolean isRemoved(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM hospitals WHERE id = ? AND removed_at IS NOT NULL")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The ids the grid preloads: every hospital an admin has not removed. */
    public List<String> liveIds(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM hospitals WHERE removed_at IS NULL ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    public List<String> allIds(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM hospitals ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    /** The hospital's own counts; a row written before they were kept separately counts its holds back in. */
    private static Map<BedKind, Integer> reportedBeds(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT b.kind, b.free_beds, b.reported_beds,"
                + " (SELECT COUNT(*) FROM bed_reservations r WHERE r.hospital_id = b.hospital_id AND r.kind = b.kind)"
                + " FROM hospital_beds b WHERE b.hospital_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                Map<BedKind, Integer> out = new EnumMap<>(BedKind.class);
                while (rs.next()) {
                    int reported = rs.getInt(3);
                    out.put(BedKind.valueOf(rs.getString(1)), rs.wasNull() ? rs.getInt(2) + rs.getInt(4) : reported);
                }
                return out;
            }
        }
    }

    private static Map<String, BedKind> reservations(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT incident_id, kind FROM bed_reservations WHERE hospital_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, BedKind> out = new HashMap<>();
                while (rs.next()) {
                    out.put(rs.getString(1), BedKind.valueOf(rs.getString(2)));
                }
                return out;
            }
        }
    }
}
