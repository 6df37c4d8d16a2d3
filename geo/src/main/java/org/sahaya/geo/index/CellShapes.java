package org.sahaya.geo.index;

import java.util.concurrent.ConcurrentHashMap;
import org.sahaya.geo.GeoPoint;

/**
 * Where each cell is and how far it reaches, worked out once per cell: cells never move, and
 * asking H3 for a cell's outline and measuring it (trigonometry per vertex) on every search was
 * the largest cost of a search that walks far rings, e.g. when no unit is free nearby. Bounded by
 * forgetting everything when full: a city within a 60 km search radius is ~15,000 cells at
 * resolution 8, well under the bound (~100 bytes each).
 */
final class CellShapes {

    private static final int MAX_CELLS = 262_144;

    /**
     * A cell's centre (radians, latitude cosine) and reach: the largest spherical distance from
     * the centre to a vertex plus a metre for rounding.
     */
    record Shape(double latRad, double lonRad, double cosLat, double reachMetres) {
    }

    private final H3Grid grid;
    private final ConcurrentHashMap<Long, Shape> byCell = new ConcurrentHashMap<>();

    CellShapes(H3Grid grid) {
        this.grid = grid;
    }

    Shape of(long cell) {
        Shape shape = byCell.get(cell);
        if (shape == null) {
            if (byCell.size() >= MAX_CELLS) {
                byCell.clear();
            }
            // Computed outside the map's lock: a race measures the same cell twice, harmlessly.
            shape = measure(cell);
            byCell.put(cell, shape);
        }
        return shape;
    }

    int size() {
        return byCell.size();
    }

    private Shape measure(long cell) {
        GeoPoint centre = H3Grid.centreOf(cell);
        double latRad = Math.toRadians(centre.lat());
        double lonRad = Math.toRadians(centre.lon());
        double cosLat = Math.cos(latRad);
        double reach = 0;
        for (GeoPoint vertex : grid.verticesOf(cell)) {
            double lat = Math.toRadians(vertex.lat());
            reach = Math.max(reach, SphericalBounds.sphericalMetres(latRad, lonRad, cosLat,
                    lat, Math.toRadians(vertex.lon()), Math.cos(lat)));
        }
        return new Shape(latRad, lonRad, cosLat, reach + 1.0);
    }
}
