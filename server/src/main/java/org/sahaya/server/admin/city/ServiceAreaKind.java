package org.sahaya.server.admin.city;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.sahaya.core.grid.Grid;
import org.sahaya.dispatch.area.AreaChanges;
import org.sahaya.geo.area.ServiceArea;
import org.sahaya.server.admin.RecordRefused;

/**
 * Service areas: a name and a GeoJSON Polygon or MultiPolygon, stored as WKT in {@code service_areas};
 * made live by telling every member to reload its areas ({@link AreaChanges}). The API and a bundle give
 * a GeoJSON Feature ({@code {"type": "Feature", "geometry": ...}}) or any object with a {@code geometry},
 * and the area's {@code name} (the API takes it from the path).
 */
public final class ServiceAreaKind implements CityKind<ServiceAreaKind.Area> {

    static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$");
    private static final int MAX_WKT = 20000;

    /** A checked area: its name and outline (longitude first). */
    public record Area(String name, Geometry outline) {
    }

    private final Grid grid;

    public ServiceAreaKind(Grid grid) {
        this.grid = grid;
    }

    @Override
    public String section() {
        return "serviceAreas";
    }

    @Override
    public String id(Area record) {
        return record.name();
    }

    @Override
    public Area read(JsonObject json) throws RecordRefused {
        Fields f = new Fields(json);
        String name = f.matching("name", NAME, "1-100 letters, digits, spaces, '.', '_' or '-'", true);
        JsonObject geometry = f.object("geometry");
        Geometry outline = null;
        if (geometry == null) {
            f.refuse("geometry", "is required: a GeoJSON Polygon or MultiPolygon");
        } else {
            outline = GeoJson.read(f, geometry, "geometry");
        }
        if (outline != null && outline.toText().length() > MAX_WKT) {
            f.refuse("geometry", "has too many vertices (at most " + MAX_WKT + " characters as WKT)");
        }
        f.done();
        try {
            ServiceArea.of(name, outline);
        } catch (IllegalArgumentException e) {
            throw RecordRefused.of("geometry", e.getMessage());
        }
        return new Area(name, outline);
    }

    @Override
    public Written write(Connection c, Area area) throws SQLException {
        String wkt = ServiceArea.of(area.name(), area.outline()).toWkt();
        try (PreparedStatement up = c.prepareStatement("UPDATE service_areas SET wkt = ? WHERE name = ?")) {
            up.setString(1, wkt);
            up.setString(2, area.name());
            if (up.executeUpdate() > 0) {
                return Written.UPDATED;
            }
        }
        try (PreparedStatement in = c.prepareStatement("INSERT INTO service_areas (name, wkt) VALUES (?,?)")) {
            in.setString(1, area.name());
            in.setString(2, wkt);
            in.executeUpdate();
        }
        return Written.CREATED;
    }

    @Override
    public void published(List<Area> records) {
        AreaChanges.announce(grid, "service-areas");
    }

    @Override
    public Optional<JsonObject> current(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT wkt FROM service_areas WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(feature(name, ServiceArea.fromWkt(name, rs.getString(1)).outline(), bound(c, name)));
            }
        }
    }

    /** The area as a GeoJSON Feature: its name as id and property, how many units it binds. */
    static JsonObject feature(String name, Geometry outline, int units) {
        return new JsonObject().put("type", "Feature").put("id", name)
                .put("properties", new JsonObject().put("name", name).put("units", units))
                .put("geometry", GeoJson.write(outline));
    }

    /** Units bound to the area that are not removed. */
    static int bound(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM unit_service_areas a JOIN units u"
                + " ON u.id = a.unit_id WHERE a.area_name = ? AND u.standing <> 'REMOVED'")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Deletes the area: false for an unknown one. The bindings of removed units go with it.
     *
     * @throws RecordRefused 409 if units are bound to it
     */
    boolean delete(Connection c, String name) throws SQLException, RecordRefused {
        if (current(c, name).isEmpty()) {
            return false;
        }
        int units = bound(c, name);
        if (units > 0) {
            throw new RecordRefused(List.of(new RecordRefused.Fault("name", units
                    + " unit(s) are bound to this area: bind them elsewhere (PUT /api/v1/units/{id}) first", 409)));
        }
        for (String sql : List.of("DELETE FROM unit_service_areas WHERE area_name = ?",
                "DELETE FROM service_areas WHERE name = ?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
        }
        return true;
    }
}
