package org.sahaya.geo.area;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.index.IndexedUnit;

/**
 * A named region on the map, such as a fleet partner's coverage zone or a city ward: "is this
 * subscriber's home inside the area we serve?".
 *
 * <p>The outline is a JTS polygon (or multipolygon: a zone in several pieces) in plain longitude/latitude degrees (JTS x = longitude,
 * y = latitude, the WKT and GeoJSON order, the reverse of {@link GeoPoint}'s). Containment is
 * planar in those degrees, which is exact enough for outlines drawn at city scale; areas crossing
 * the antimeridian or a pole are not supported. The polygon is prepared (its edges indexed) once,
 * so {@link #contains} stays fast for outlines with thousands of vertices. Immutable and
 * thread-safe.
 */
public final class ServiceArea {

    private static final int WGS84_SRID = 4326;
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), WGS84_SRID);

    private final String name;
    private final Geometry outline;
    private final PreparedGeometry prepared;

    private ServiceArea(String name, Geometry outline) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("service area name must not be blank");
        }
        if (outline.isEmpty() || !outline.isValid()) {
            throw new IllegalArgumentException("outline of service area " + name
                    + " must be a non-empty, valid polygon (no self-intersections)");
        }
        for (Coordinate c : outline.getCoordinates()) {
            // Also catches most lat/lon mix-ups, whose "latitudes" then exceed 90.
            new GeoPoint(c.y, c.x);
        }
        this.name = name;
        this.outline = outline;
        this.prepared = PreparedGeometryFactory.prepare(outline);
    }

    /**
     * An area whose outline runs through {@code vertices} in order; the ring is closed for you if
     * the last vertex differs from the first.
     *
     * @throws IllegalArgumentException if there are fewer than 3 distinct vertices or the outline
     *                                  crosses itself
     */
    public static ServiceArea of(String name, List<GeoPoint> vertices) {
        Objects.requireNonNull(vertices, "vertices");
        List<Coordinate> ring = new ArrayList<>(vertices.size() + 1);
        for (GeoPoint vertex : vertices) {
            ring.add(new Coordinate(vertex.lon(), vertex.lat()));
        }
        if (ring.stream().distinct().count() < 3) {
            throw new IllegalArgumentException("outline of service area " + name + " needs at least 3 distinct vertices");
        }
        if (!ring.getFirst().equals2D(ring.getLast())) {
            ring.add(ring.getFirst().copy());
        }
        return new ServiceArea(name, WGS84.createPolygon(ring.toArray(Coordinate[]::new)));
    }

    /**
     * An area from a WKT {@code POLYGON}, longitude first:
     * {@code POLYGON ((77.50 12.90, 77.70 12.90, 77.70 13.05, 77.50 13.05, 77.50 12.90))}.
     *
     * @throws IllegalArgumentException if the text is not a valid WKT polygon in degrees
     */
    public static ServiceArea fromWkt(String name, String wkt) {
        Objects.requireNonNull(wkt, "wkt");
        Geometry geometry;
        try {
            // WKTReader keeps parse state, so each call gets its own.
            geometry = new WKTReader(WGS84).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException("service area " + name + " is not valid WKT: " + e.getMessage(), e);
        }
        if (!(geometry instanceof Polygonal)) {
            throw new IllegalArgumentException("service area " + name + " must be a POLYGON or MULTIPOLYGON, was "
                    + geometry.getGeometryType());
        }
        return new ServiceArea(name, geometry);
    }

    /**
     * An area whose outline is a polygon or multipolygon in degrees (x = longitude), built by a caller that
     * read it from GeoJSON (an admin's service area).
     *
     * @throws IllegalArgumentException if it is not polygonal, is empty or invalid, or leaves WGS84 ranges
     */
    public static ServiceArea of(String name, Geometry polygonal) {
        Objects.requireNonNull(polygonal, "outline");
        if (!(polygonal instanceof Polygonal)) {
            throw new IllegalArgumentException("service area " + name + " must be a polygon or multipolygon");
        }
        return new ServiceArea(name, WGS84.createGeometry(polygonal));
    }

    /** The factory outlines are built with (WGS84, x = longitude), for callers that build their own. */
    public static GeometryFactory factory() {
        return WGS84;
    }

    /** The outline (a polygon or multipolygon, x = longitude): for writing it out as GeoJSON. */
    public Geometry outline() {
        return outline.copy();
    }

    /**
     * The demo city's service area: Bengaluru from Kengeri to Whitefield and from Electronic City
     * to Yelahanka, 12.83-13.14 N, 77.46-77.78 E. The same box the demo seeding places its
     * subscribers, ambulances and hospitals in, so every demo alert is inside it.
     */
    public static ServiceArea bengaluru() {
        return of("bengaluru", List.of(GeoPoint.of(12.83, 77.46), GeoPoint.of(12.83, 77.78),
                GeoPoint.of(13.14, 77.78), GeoPoint.of(13.14, 77.46)));
    }

    /**
     * Whether an indexed unit is inside the area, shaped as an index filter:
     * {@code index.nearest(scene, k, available.and(area::containsUnit), radius)}.
     */
    public boolean containsUnit(IndexedUnit unit) {
        return contains(unit.position());
    }

    public String name() {
        return name;
    }

    /** Whether the point lies inside the area or on its outline (a border address is served). */
    public boolean contains(GeoPoint point) {
        return prepared.covers(WGS84.createPoint(new Coordinate(point.lon(), point.lat())));
    }

    /** The outline's bounding box in degrees (x = longitude, y = latitude), for spatial indexes of areas. */
    Envelope envelope() {
        return outline.getEnvelopeInternal();
    }

    /** The outline as WKT, longitude first; {@link #fromWkt} reads it back. */
    public String toWkt() {
        return outline.toText();
    }

    @Override
    public String toString() {
        return "ServiceArea[" + name + "]";
    }
}
