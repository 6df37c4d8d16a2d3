package org.sahaya.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.sahaya.core.Coordinates;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.UnitStanding;
import org.sahaya.core.fleet.UnitStatus;

/** Ambulances as last written by the grid. Blocking JDBC. */
public final class UnitRepository {

    /** Insert or update by id. */
    public void save(Connection c, Unit u) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE units SET call_sign=?, unit_level=?, station=?, lat=?, lon=?, status=?, incident_id=?, updated_at=?,"
                        + " partner_id=?, standing=? WHERE id=?")) {
            bind(up, u);
            up.setString(11, u.id());
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement(
                "INSERT INTO units (call_sign, unit_level, station, lat, lon, status, incident_id, updated_at, partner_id,"
                        + " standing, id) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            bind(in, u);
            in.setString(11, u.id());
            in.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Unit u) throws SQLException {
        ps.setString(1, u.callSign());
        ps.setString(2, u.level().name());
        ps.setString(3, u.station());
        ps.setDouble(4, u.position().lat());
        ps.setDouble(5, u.position().lon());
        ps.setString(6, u.status().name());
        ps.setString(7, u.incidentId());
        Jdbc.setInstant(ps, 8, u.updatedAt());
        ps.setString(9, u.partner());
        ps.setString(10, u.standing().name());
    }

    public Optional<Unit> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM units WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The unit assigned to an incident, if any (the grid writes every claim through before it returns). */
    public Optional<Unit> findByIncident(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM units WHERE incident_id = ?")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public List<Unit> findAll(Connection c, Collection<String> ids) throws SQLException {
        List<Unit> out = new ArrayList<>();
        for (String id : ids) {
            find(c, id).ifPresent(out::add);
        }
        return out;
    }

    public List<String> allIds(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM units ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private static Unit read(ResultSet rs) throws SQLException {
        return new Unit(rs.getString("id"), rs.getString("call_sign"),
                UnitLevel.valueOf(rs.getString("unit_level")), rs.getString("station"),
                new Coordinates(rs.getDouble("lat"), rs.getDouble("lon")),
                UnitStatus.valueOf(rs.getString("status")), rs.getString("incident_id"),
                Jdbc.getInstant(rs, "updated_at"), rs.getString("partner_id"),
                UnitStanding.valueOf(rs.getString("standing")));
    }

    /**
     * The unit as the grid may load it: not one removed by an admin that has finished its job (it left
     * the grid for good, see {@link UnitStanding#REMOVED}).
     */
    public Optional<Unit> findLive(Connection c, String id) throws SQLException {
        return find(c, id).filter(u -> !u.isGone());
    }

    /** The ids the grid preloads: every unit but those removed that have finished their job. */
    public List<String> liveIds(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM units WHERE standing <> 'REMOVED'"
                + " OR incident_id IS NOT NULL OR status NOT IN ('AVAILABLE', 'OUT_OF_SERVICE') ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    /**
     * What a page of the unit list keeps: the fleet, status and level asked for (null: any), and units removed
     * by an admin only when {@code removed} says so.
     */
    public record Filter(String partner, UnitStatus status, UnitLevel level, boolean removed) {
        public static final Filter NONE = new Filter(null, null, null, true);
    }

    /** Up to {@code limit} units in id order after {@code after} (null: from the first) that pass {@code filter}. */
    public List<Unit> page(Connection c, String after, int limit, Filter filter) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM units WHERE id > ?");
        List<String> args = new ArrayList<>();
        args.add(after == null ? "" : after);
        if (filter.partner() != null) {
            sql.append(" AND partner_id = ?");
            args.add(filter.partner());
        }
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            args.add(filter.status().name());
        }
        if (filter.level() != null) {
            sql.append(" AND unit_level = ?");
            args.add(filter.level().name());
        }
        if (!filter.removed()) {
            sql.append(" AND standing <> 'REMOVED'");
        }
        sql.append(" ORDER BY id LIMIT ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            ps.setInt(args.size() + 1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<Unit> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        }
    }

    /**
     * Up to {@code limit} units in id order after {@code after} (null: from the first), only those of
     * the fleet {@code partner} when it is not null: a page of the unit list.
     */
    public List<Unit> page(Connection c, String after, int limit, String partner) throws SQLException {
        String sql = "SELECT * FROM units WHERE id > ?" + (partner == null ? "" : " AND partner_id = ?")
                + " ORDER BY id LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, after == null ? "" : after);
            if (partner != null) {
                ps.setString(i++, partner);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<Unit> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        }
    }
}
