package org.sahaya.geo.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.GeodesicDistance;

/**
 * A thread-safe index of moving units (ambulances) that answers "which k matching units are
 * nearest to this point?".
 *
 * <p>Units live in H3 hexagon cells. A position report is a map write, plus a move between two
 * cell sets when the unit crossed a cell border; nothing is rebuilt, so thousands of reports per
 * second can flow while searches run. (A JTS STRtree could not do this: it freezes after its first
 * query.) A search reads rings of cells around the origin, nearest first, and ranks what it finds
 * by exact geodesic distance, so the answer is the same as comparing every unit, without doing so.
 * It brackets each match with a cheap spherical distance first ({@link SphericalBounds}) and pays
 * for the exact ellipsoidal one only where the bracket leaves the ranking open, and it allocates
 * nothing but its answer (per-thread scratch, cached rings): a dispatcher's query costs
 * microseconds even while position reports stream in.
 *
 * <p>Each cell holds immutable arrays of its units ({@link Cell}), replaced on every change to the
 * cell (copy on write): a report costs a copy of one cell's arrays, tens of entries, and searches
 * read plain arrays without locks or iterators. Many hundreds of units reporting from one cell
 * would make that copy the cost to watch.
 *
 * <p>Consistency: every unit has one current snapshot ({@link IndexedUnit}); a search judges and
 * measures that snapshot, returns a unit at most once, and never returns a unit whose
 * {@link #remove} had returned before the search began. A search running concurrently with a move
 * may see the unit's position from just before or just after that move.
 */
public final class UnitIndex {

    private final H3Grid grid;
    private final Neighbourhood.Cache neighbourhoods;
    private final CapabilityBits capabilityBits = new CapabilityBits();
    private final AvailableCounts availableCounts = new AvailableCounts();
    private final ConcurrentHashMap<String, FiledUnit> units = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Cell> cells = new ConcurrentHashMap<>();

    /** An index on H3 resolution 8 (~0.46 km hexagon edges), suited to city-scale searches. */
    public UnitIndex() {
        this(H3Grid.DEFAULT_RESOLUTION);
    }

    /**
     * An index on the given H3 resolution: finer for dense fleets in small areas, coarser for
     * sparse rural fleets searched over long distances.
     *
     * @throws IllegalArgumentException if the resolution is outside [0, 15]
     */
    public UnitIndex(int h3Resolution) {
        this.grid = new H3Grid(h3Resolution);
        this.neighbourhoods = new Neighbourhood.Cache(grid);
    }

    /**
     * Adds a unit or replaces its position, capability and availability.
     *
     * @throws IllegalArgumentException if the id or capability is blank
     * @throws NullPointerException     if any argument is null
     */
    public void upsert(String unitId, GeoPoint position, String capability, boolean available) {
        IndexedUnit unit = new IndexedUnit(unitId, position, capability, available);
        FiledUnit filed = FiledUnit.of(unit, grid.cellOf(position), capabilityBits.bitOf(capability));
        // compute() serialises all changes to one unit, so the unit map and the cell arrays never
        // disagree about where it is, whatever order concurrent reports arrive in. Lock order is
        // always units -> cells, so this nesting cannot deadlock.
        units.compute(unitId, (id, previous) -> {
            // File under the new cell before leaving the old one, so a concurrent search finds
            // the unit in at least one of them.
            fileUnder(filed);
            if (previous != null && previous.cell() != filed.cell()) {
                unfileFrom(previous.cell(), id);
            }
            availableCounts.moved(previous == null ? null : previous.unit(), unit);
            return filed;
        });
    }

    /** Removes a unit; a no-op for an unknown id. Searches that start afterwards never see it. */
    public void remove(String unitId) {
        Objects.requireNonNull(unitId, "unitId");
        units.computeIfPresent(unitId, (id, previous) -> {
            unfileFrom(previous.cell(), id);
            availableCounts.moved(previous.unit(), null);
            return null;
        });
    }

    /** The current snapshot of a unit, if it is indexed. */
    public Optional<IndexedUnit> get(String unitId) {
        FiledUnit filed = units.get(unitId);
        return filed == null ? Optional.empty() : Optional.of(filed.unit());
    }

    /** Number of indexed units, available or not. */
    public int size() {
        return units.size();
    }

    /** Number of available units with this capability, kept as units change (no search). */
    public int availableWith(String capability) {
        Objects.requireNonNull(capability, "capability");
        return availableCounts.of(capability);
    }

    /**
     * The {@code k} units nearest to {@code from} that pass {@code filter} and lie within
     * {@code maxRadiusMetres}, nearest first (ties by unit id). Fewer than k when fewer match.
     *
     * <p>The filter is where callers say what is suitable, e.g.
     * {@code u -> u.available() && u.capability().equals("ALS")}. It runs on search threads
     * and must be quick and side-effect free; hold it in a field rather than building it per
     * search, and keep it cheap (it runs on every unit in the cells read, matching or not).
     *
     * @param maxRadiusMetres straight-line search limit; must be positive and finite, because an
     *                        unbounded search for a unit that does not exist would walk the globe
     * @throws IllegalArgumentException if {@code k < 1} or the radius is not positive and finite
     */
    public List<Candidate> nearest(GeoPoint from, int k, Predicate<IndexedUnit> filter, double maxRadiusMetres) {
        Objects.requireNonNull(filter, "filter");
        return search(from, k, new CellFilter.Matching(filter), maxRadiusMetres);
    }

    /**
     * The {@code k} available units nearest to {@code from} whose capability is one of
     * {@code capabilities}, within {@code maxRadiusMetres}, nearest first (ties by unit id): the
     * dispatcher's question. Same answer as {@link #nearest} with the filter
     * {@code u -> u.available() && capabilities.contains(u.capability())}, but faster, because it
     * is judged from the cell's own arrays without reading the snapshot of every unit passed over.
     *
     * @param capabilities the acceptable capabilities, e.g. {@code Set.of("ALS")}; empty finds nothing
     * @throws IllegalArgumentException if {@code k < 1} or the radius is not positive and finite
     */
    public List<Candidate> nearestAvailable(GeoPoint from, int k, Set<String> capabilities, double maxRadiusMetres) {
        Objects.requireNonNull(capabilities, "capabilities");
        if (!availableCounts.anyOf(capabilities)) {
            // The whole fleet is out (or has none of these): say so without walking every ring
            // to the radius limit. Arguments are still checked, as a search would.
            checkArguments(from, k, maxRadiusMetres);
            return List.of();
        }
        return search(from, k, new CellFilter.AvailableWith(capabilityBits.maskOf(capabilities), capabilities), maxRadiusMetres);
    }

    private static void checkArguments(GeoPoint from, int k, double maxRadiusMetres) {
        Objects.requireNonNull(from, "from");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        if (!(maxRadiusMetres > 0 && maxRadiusMetres < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("maxRadiusMetres must be positive and finite, was " + maxRadiusMetres);
        }
    }

    private List<Candidate> search(GeoPoint from, int k, CellFilter filter, double maxRadiusMetres) {
        checkArguments(from, k, maxRadiusMetres);
        if (units.isEmpty()) {
            return List.of(); // spares an empty fleet the walk out to the radius limit
        }
        Neighbourhood around = neighbourhoods.around(grid.cellOf(from));
        SearchScratch scratch = SearchScratch.acquire(k);
        try {
            double lat = Math.toRadians(from.lat());
            double lon = Math.toRadians(from.lon());
            double cosLat = Math.cos(lat);
            for (int ring = 0; ; ring++) {
                Neighbourhood.Ring cellsOfRing = around.ring(ring);
                for (int c = 0; c < cellsOfRing.size(); c++) {
                    if (scratch.full() && nearestPossible(cellsOfRing, c, lat, lon, cosLat) > scratch.kthUpper()) {
                        continue; // nothing in this cell can beat the k-th best found so far
                    }
                    collect(cells.getOrDefault(cellsOfRing.cells[c], Cell.EMPTY), lat, lon, cosLat, filter, maxRadiusMetres, scratch);
                }
                double unsearchedAtLeast = around.bounds().unsearchedAtLeast(ring);
                boolean nothingCloserLeft = scratch.full() && scratch.kthUpper() <= unsearchedAtLeast;
                if (nothingCloserLeft || unsearchedAtLeast > maxRadiusMetres) {
                    return rankExactly(from, k, maxRadiusMetres, scratch);
                }
            }
        } finally {
            scratch.release();
        }
    }

    /** A lower bound on the exact distance from the origin to any point of the ring's c-th cell. */
    private static double nearestPossible(Neighbourhood.Ring ring, int c, double lat, double lon, double cosLat) {
        double toCentre = SphericalBounds.sphericalMetres(lat, lon, cosLat, ring.latRad[c], ring.lonRad[c], ring.cosLat[c]);
        return SphericalBounds.lower(toCentre - ring.reachMetres[c]);
    }

    private static void collect(Cell cell, double lat, double lon, double cosLat,
                                CellFilter filter, double maxRadiusMetres, SearchScratch scratch) {
        for (int i = 0, n = cell.size(); i < n; i++) {
            if (!filter.test(cell, i)) {
                continue;
            }
            double spherical = SphericalBounds.sphericalMetres(lat, lon, cosLat, cell.latRad[i], cell.lonRad[i], cell.cosLat[i]);
            double lower = SphericalBounds.lower(spherical);
            if (lower <= maxRadiusMetres) {
                scratch.offer(cell.units[i], lower, SphericalBounds.upper(spherical));
            }
        }
    }

    /**
     * The exact ranking of what the search kept. A unit whose lower bound lies beyond the k-th
     * smallest upper bound cannot be among the k nearest, so only the others get the exact
     * geodesic: usually little more than k of them.
     */
    private static List<Candidate> rankExactly(GeoPoint from, int k, double maxRadiusMetres, SearchScratch scratch) {
        double reach = scratch.full() ? Math.min(scratch.kthUpper(), maxRadiusMetres) : maxRadiusMetres;
        NearestCandidates best = new NearestCandidates(k);
        for (int i = 0; i < scratch.size; i++) {
            if (scratch.lower[i] > reach) {
                continue;
            }
            IndexedUnit unit = scratch.found[i].unit();
            double distance = GeodesicDistance.metres(from, unit.position());
            if (distance <= maxRadiusMetres) {
                best.offer(Candidate.of(unit, distance));
            }
        }
        return best.closestFirst();
    }

    /** Puts the unit's snapshot into its cell, replacing an older one of the same unit. */
    private void fileUnder(FiledUnit filed) {
        cells.compute(filed.cell(), (c, cell) -> cell == null ? Cell.of(filed) : cell.with(filed));
    }

    private void unfileFrom(long cell, String unitId) {
        // Empty cells are dropped so a city's worth of travel does not leave a trail of empty
        // cells; doing it inside compute() keeps a concurrent fileUnder from adding to a dropped one.
        cells.computeIfPresent(cell, (c, members) -> members.without(unitId));
    }

    /** Total cell memberships; equals {@link #size()} whenever no update is in flight. */
    int cellMemberships() {
        return cells.values().stream().mapToInt(Cell::size).sum();
    }
}
