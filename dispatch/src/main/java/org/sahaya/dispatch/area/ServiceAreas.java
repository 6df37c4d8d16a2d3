package org.sahaya.dispatch.area;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.sahaya.core.persistence.Database;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.area.ServiceArea;

/**
 * Which units are bound to a service area (a fleet partner's coverage zone): such a unit is only
 * a candidate for incidents inside its area; a unit without an area goes anywhere. Read from the
 * database ({@code service_areas}, {@code unit_service_areas}) at start, and again whenever an admin
 * changes an area or a unit's binding ({@link AreaChanges} tells every member): each read swaps in a
 * whole new snapshot, so a dispatch sees the areas before or after a change, never half of one.
 */
public final class ServiceAreas {

    private volatile Map<String, ServiceArea> byUnit;

    private ServiceAreas(Map<String, ServiceArea> byUnit) {
        this.byUnit = Map.copyOf(byUnit);
    }

    /** Reads the areas and bindings again and swaps them in. Blocking; one reload at a time, so the last wins. */
    public synchronized void reload(Database database) {
        this.byUnit = load(database).byUnit;
    }

    public static ServiceAreas none() {
        return new ServiceAreas(Map.of());
    }

    /** Units bound to areas, given directly (a pure decision's test) rather than loaded. */
    public static ServiceAreas of(Map<String, ServiceArea> byUnit) {
        return new ServiceAreas(byUnit);
    }

    public static ServiceAreas load(Database database) {
        return database.withConnection(c -> {
            Map<String, ServiceArea> areas = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, wkt FROM service_areas");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    areas.put(rs.getString(1), ServiceArea.fromWkt(rs.getString(1), rs.getString(2)));
                }
            }
            Map<String, ServiceArea> byUnit = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT unit_id, area_name FROM unit_service_areas");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byUnit.put(rs.getString(1), areas.get(rs.getString(2)));
                }
            }
            return new ServiceAreas(byUnit);
        });
    }

    /** Stores an area and binds {@code unitIds} to it (seeding, tests). Takes effect at the next {@link #load}. */
    public static void save(Connection c, ServiceArea area, Collection<String> unitIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO service_areas (name, wkt) VALUES (?,?)")) {
            ps.setString(1, area.name());
            ps.setString(2, area.toWkt());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO unit_service_areas (unit_id, area_name) VALUES (?,?)")) {
            for (String unitId : unitIds) {
                ps.setString(1, unitId);
                ps.setString(2, area.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Whether {@code unitId} may be sent to {@code scene}. */
    public boolean serves(String unitId, GeoPoint scene) {
        ServiceArea area = byUnit.get(unitId);
        return area == null || area.contains(scene);
    }

    public Optional<String> areaOf(String unitId) {
        return Optional.ofNullable(byUnit.get(unitId)).map(ServiceArea::name);
    }

    public boolean isEmpty() {
        return byUnit.isEmpty();
    }
}
