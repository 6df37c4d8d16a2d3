package org.sahaya.geo.index;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rings of cells around one origin cell, with their {@link RingBounds}, worked out once and
 * kept: a city's searches start from a few thousand cells over and over, and asking H3 for rings
 * and measuring the origin cell's shape (seven geodesics) on every search cost more than the
 * search itself. Rings are computed lazily, each at most once per origin; the cell ids are kept
 * boxed because that is the form the cell map is keyed by, with each cell's centre and size so a
 * search can skip cells that cannot hold anything nearer than what it already has.
 */
final class Neighbourhood {

    /**
     * Rings kept per origin (217 cells, ~10 KB at most); searches that need more, e.g. for a rare
     * capability, compute the farther rings each time.
     */
    static final int CACHED_RINGS = 8;

    private final RingBounds bounds;
    private final long origin;
    private final H3Grid grid;
    private final CellShapes shapes;
    private final Ring[] rings = new Ring[CACHED_RINGS];

    private Neighbourhood(H3Grid grid, CellShapes shapes, long origin) {
        this.grid = grid;
        this.shapes = shapes;
        this.origin = origin;
        this.bounds = grid.ringBoundsAround(origin);
    }

    RingBounds bounds() {
        return bounds;
    }

    /** Cells at exactly {@code k} steps from the origin. */
    Ring ring(int k) {
        if (k >= CACHED_RINGS) {
            return Ring.of(shapes, grid.ring(origin, k));
        }
        Ring ring = rings[k];
        if (ring == null) {
            // A race computes the same ring twice; harmless, and cheaper than a lock. Ring's
            // fields are final, so a ring read through this racy array is fully built.
            ring = Ring.of(shapes, grid.ring(origin, k));
            rings[k] = ring;
        }
        return ring;
    }

    /**
     * One ring's cells with where they are: centre (radians, latitude cosine) and reach, the
     * largest spherical distance from the centre to a vertex plus a metre for rounding. H3 edges
     * are great-circle arcs, so the whole cell lies within reach of its centre on the sphere, and
     * a search can skip a cell whose nearest possible point is beyond its k-th best unit.
     */
    static final class Ring {
        final Long[] cells;
        final double[] latRad;
        final double[] lonRad;
        final double[] cosLat;
        final double[] reachMetres;

        private Ring(int n) {
            cells = new Long[n];
            latRad = new double[n];
            lonRad = new double[n];
            cosLat = new double[n];
            reachMetres = new double[n];
        }

        static Ring of(CellShapes shapes, List<Long> cells) {
            Ring ring = new Ring(cells.size());
            for (int i = 0; i < cells.size(); i++) {
                Long cell = cells.get(i);
                CellShapes.Shape shape = shapes.of(cell);
                ring.cells[i] = cell;
                ring.latRad[i] = shape.latRad();
                ring.lonRad[i] = shape.lonRad();
                ring.cosLat[i] = shape.cosLat();
                ring.reachMetres[i] = shape.reachMetres();
            }
            return ring;
        }

        int size() {
            return cells.length;
        }
    }

    /**
     * Neighbourhoods by origin cell. Bounded by forgetting everything when full (at most ~40 MB):
     * the demo city's box is ~1,600 cells at resolution 8, and a wider area pays one
     * recomputation per origin per wrap.
     */
    static final class Cache {
        private static final int MAX_ORIGINS = 4_096;

        private final H3Grid grid;
        private final CellShapes shapes;
        private final ConcurrentHashMap<Long, Neighbourhood> byOrigin = new ConcurrentHashMap<>();

        Cache(H3Grid grid) {
            this.grid = grid;
            this.shapes = new CellShapes(grid);
        }

        Neighbourhood around(long origin) {
            Neighbourhood n = byOrigin.get(origin);
            if (n == null) {
                if (byOrigin.size() >= MAX_ORIGINS) {
                    byOrigin.clear();
                }
                n = byOrigin.computeIfAbsent(origin, o -> new Neighbourhood(grid, shapes, o));
            }
            return n;
        }
    }
}
