package org.sahaya.geo.index;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rings of cells around one origin cell, with their {@link RingBounds}, worked out once and
 * kept: a city's searches start from a few thousand cells over and over, and asking H3 for rings
 * and measuring the origin cell's shape (seven geodesics) on every search cost more than the
 * search itself. Rings are computed lazily, each at most once per origin; the cell ids are kept
 * boxed because that is the form the cell map is keyed by.
 */
final class Neighbourhood {

    /** Rings kept per origin; searches that need more compute the farther rings each time. */
    static final int CACHED_RINGS = 12;

    private final RingBounds bounds;
    private final long origin;
    private final H3Grid grid;
    @SuppressWarnings("unchecked")
    private final List<Long>[] rings = new List[CACHED_RINGS];

    private Neighbourhood(H3Grid grid, long origin) {
        this.grid = grid;
        this.origin = origin;
        this.bounds = grid.ringBoundsAround(origin);
    }

    RingBounds bounds() {
        return bounds;
    }

    /** Cells at exactly {@code k} steps from the origin. */
    List<Long> ring(int k) {
        if (k >= CACHED_RINGS) {
            return grid.ring(origin, k);
        }
        List<Long> ring = rings[k];
        if (ring == null) {
            // A race computes the same immutable list twice; harmless, and cheaper than a lock.
            ring = List.copyOf(grid.ring(origin, k));
            rings[k] = ring;
        }
        return ring;
    }

    /**
     * Neighbourhoods by origin cell. Bounded by forgetting everything when full: a city fleet
     * uses a few thousand origins, and a wider one pays one recomputation per origin per wrap.
     */
    static final class Cache {
        private static final int MAX_ORIGINS = 50_000;

        private final H3Grid grid;
        private final ConcurrentHashMap<Long, Neighbourhood> byOrigin = new ConcurrentHashMap<>();

        Cache(H3Grid grid) {
            this.grid = grid;
        }

        Neighbourhood around(long origin) {
            Neighbourhood n = byOrigin.get(origin);
            if (n == null) {
                if (byOrigin.size() >= MAX_ORIGINS) {
                    byOrigin.clear();
                }
                n = byOrigin.computeIfAbsent(origin, o -> new Neighbourhood(grid, o));
            }
            return n;
        }
    }
}
