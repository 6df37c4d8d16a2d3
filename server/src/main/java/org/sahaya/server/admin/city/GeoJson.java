package org.sahaya.server.admin.city;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.sahaya.geo.area.ServiceArea;

/**
 * A GeoJSON (RFC 7946) Polygon or MultiPolygon, read into a JTS outline and written back. Reading checks
 * what RFC 7946 and a service area need: positions of [longitude, latitude] in range, rings of at least four
 * positions whose last repeats the first, and a valid polygon (no self-intersection, holes inside), each
 * refusal naming the place in the document, e.g. {@code geometry.coordinates[0][3]}.
 */
final class GeoJson {

    private static final GeometryFactory FACTORY = ServiceArea.factory();

    private GeoJson() {
    }

    /** The outline, or null after refusing through {@code f} (the geometry's field is {@code field}). */
    static Geometry read(Fields f, JsonObject geometry, String field) {
        String type = geometry.getValue("type") instanceof String s ? s : null;
        Object coordinates = geometry.getValue("coordinates");
        String at = field + ".coordinates";
        if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
            f.refuse(field + ".type", "must be Polygon or MultiPolygon");
            return null;
        }
        if (!(coordinates instanceof JsonArray array) || array.isEmpty()) {
            f.refuse(at, "must be a non-empty array");
            return null;
        }
        Geometry outline;
        if ("Polygon".equals(type)) {
            outline = polygon(f, array, at);
        } else {
            List<Polygon> parts = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                Polygon p = array.getValue(i) instanceof JsonArray rings ? polygon(f, rings, at + "[" + i + "]") : null;
                if (p == null) {
                    if (!(array.getValue(i) instanceof JsonArray)) {
                        f.refuse(at + "[" + i + "]", "must be an array of rings");
                    }
                    return null;
                }
                parts.add(p);
            }
            outline = FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
        }
        if (outline == null) {
            return null;
        }
        TopologyValidationError error = new IsValidOp(outline).getValidationError();
        if (error != null) {
            f.refuse(at, "is not a valid polygon: " + error.getMessage() + " near [" + error.getCoordinate().x + ", "
                    + error.getCoordinate().y + "]");
            return null;
        }
        return outline;
    }

    private static Polygon polygon(Fields f, JsonArray rings, String at) {
        if (rings.isEmpty()) {
            f.refuse(at, "must have an outer ring");
            return null;
        }
        LinearRing[] read = new LinearRing[rings.size()];
        for (int r = 0; r < rings.size(); r++) {
            read[r] = rings.getValue(r) instanceof JsonArray ring ? ring(f, ring, at + "[" + r + "]") : null;
            if (read[r] == null) {
                if (!(rings.getValue(r) instanceof JsonArray)) {
                    f.refuse(at + "[" + r + "]", "must be an array of positions");
                }
                return null;
            }
        }
        return FACTORY.createPolygon(read[0], java.util.Arrays.copyOfRange(read, 1, read.length));
    }

    private static LinearRing ring(Fields f, JsonArray positions, String at) {
        if (positions.size() < 4) {
            f.refuse(at, "must have at least 4 positions, the last repeating the first");
            return null;
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < positions.size(); i++) {
            String here = at + "[" + i + "]";
            if (!(positions.getValue(i) instanceof JsonArray p) || p.size() < 2
                    || !(p.getValue(0) instanceof Number lon) || !(p.getValue(1) instanceof Number lat)) {
                f.refuse(here, "must be a position [longitude, latitude]");
                return null;
            }
            if (Math.abs(lon.doubleValue()) > 180) {
                f.refuse(here + "[0]", "longitude must be from -180 to 180");
                return null;
            }
            if (Math.abs(lat.doubleValue()) > 90) {
                f.refuse(here + "[1]", "latitude must be from -90 to 90");
                return null;
            }
            coordinates[i] = new Coordinate(lon.doubleValue(), lat.doubleValue());
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            f.refuse(at, "is not closed: the last position must repeat the first");
            return null;
        }
        return FACTORY.createLinearRing(coordinates);
    }

    /** The outline as a GeoJSON geometry object. */
    static JsonObject write(Geometry outline) {
        if (outline instanceof MultiPolygon multi) {
            JsonArray parts = new JsonArray();
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                parts.add(rings((Polygon) multi.getGeometryN(i)));
            }
            return new JsonObject().put("type", "MultiPolygon").put("coordinates", parts);
        }
        return new JsonObject().put("type", "Polygon").put("coordinates", rings((Polygon) outline));
    }

    private static JsonArray rings(Polygon polygon) {
        JsonArray rings = new JsonArray().add(positions(polygon.getExteriorRing().getCoordinates()));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(positions(polygon.getInteriorRingN(i).getCoordinates()));
        }
        return rings;
    }

    private static JsonArray positions(Coordinate[] coordinates) {
        JsonArray out = new JsonArray();
        for (Coordinate c : coordinates) {
            out.add(new JsonArray().add(c.x).add(c.y));
        }
        return out;
    }
}
