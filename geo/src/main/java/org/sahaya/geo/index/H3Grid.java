package org.sahaya.geo.index;

import com.uber.h3core.H3Core;
import com.uber.h3core.exceptions.H3Exception;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.GeodesicDistance;

/**
 * The H3 hexagon grid at one resolution: which cell a point is in, the rings of cells around a
 * cell, and the measurements {@link RingBounds} needs. The only class that talks to H3.
 */
final class H3Grid {

    /**
     * Resolution 8: hexagons with ~0.46 km edges (~0.74 km²). Ambulances in Bengaluru are a few
     * km apart, so a k-nearest search reads a handful of rings (tens to a few hundred cells) rather
     * than thousands, and each cell holds few units, so a search reads little it then discards.
     * A unit at city speed crosses a cell about once a minute, so most position reports (every few
     * seconds) stay in their cell and cost only a map write.
     */
    static final int DEFAULT_RESOLUTION = 8;

    /**
     * Loading the native library is slow and H3Core holds no mutable state, so one instance,
     * created on first use, serves every index and thread in the JVM.
     */
    private static final class Native {
        static final H3Core H3 = load();

        private static H3Core load() {
            try {
                return H3Core.newInstance();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the H3 native library", e);
            }
        }
    }

    private final int resolution;

    H3Grid(int resolution) {
        if (resolution < 0 || resolution > 15) {
            throw new IllegalArgumentException("H3 resolution must be within [0, 15], was " + resolution);
        }
        this.resolution = resolution;
    }

    long cellOf(GeoPoint point) {
        return Native.H3.latLngToCell(point.lat(), point.lon(), resolution);
    }

    /** Cells at exactly {@code k} steps from {@code origin}; {@code k = 0} is the origin itself. */
    List<Long> ring(long origin, int k) {
        if (k == 0) {
            return List.of(origin);
        }
        try {
            return Native.H3.gridRingUnsafe(origin, k);
        } catch (H3Exception pentagonInTheWay) {
            // The fast ring walk fails next to one of the 12 pentagons (none near India); the disk
            // algorithm handles them, at the cost of computing the inner rings again.
            return Native.H3.gridDiskDistances(origin, k).get(k);
        }
    }

    /** How far the cells beyond each ring around {@code origin} must at least be. */
    RingBounds ringBoundsAround(long origin) {
        GeoPoint centre = centreOf(origin);
        double circumradius = 0;
        for (LatLng vertex : Native.H3.cellToBoundary(origin)) {
            circumradius = Math.max(circumradius, GeodesicDistance.metres(centre, new GeoPoint(vertex.lat, vertex.lng)));
        }
        double spacing = Double.POSITIVE_INFINITY;
        for (long neighbour : ring(origin, 1)) {
            spacing = Math.min(spacing, GeodesicDistance.metres(centre, centreOf(neighbour)));
        }
        return new RingBounds(spacing, circumradius);
    }

    /** The corners of a cell's outline, including the extra ones H3 adds where a cell crosses a face edge. */
    List<GeoPoint> verticesOf(long cell) {
        return Native.H3.cellToBoundary(cell).stream().map(v -> new GeoPoint(v.lat, v.lng)).toList();
    }

    static GeoPoint centreOf(long cell) {
        LatLng centre = Native.H3.cellToLatLng(cell);
        return new GeoPoint(centre.lat, centre.lng);
    }
}
