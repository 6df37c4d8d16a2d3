package org.sahaya.geo.index;

import java.util.HashSet;
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
 *
 * <p>Consistency: every unit has one current snapshot ({@link IndexedUnit}); a search judges and
 * measures that snapshot, returns a unit at most once, and never returns a unit whose
 * {@link #remove} had returned before the search began. A search running concurrently with a move
 * may see the unit's position from just before or just after that move.
 */
public final class UnitIndex {

    /** A unit's snapshot and the cell it is filed under, changed together. */
    private record Placement(IndexedUnit unit, long cell) {
    }

    private final H3Grid grid;
    private final ConcurrentHashMap<String, Placement> units = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Set<String>> cells = new ConcurrentHashMap<>();

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
    }

    /**
     * Adds a unit or replaces its position, capability and availability.
     *
     * @throws IllegalArgumentException if the id or capability is blank
     * @throws NullPointerException     if any argument is null
     */
    public void upsert(String unitId, GeoPoint position, String capability, boolean available) {
        IndexedUnit unit = new IndexedUnit(unitId, position, capability, available);
        long cell = grid.cellOf(position);
        // compute() serialises all changes to one unit, so the unit map and the cell sets never
        // disagree about where it is, whatever order concurrent reports arrive in. Lock order is
        // always units -> cells, so this nesting cannot deadlock.
        units.compute(unitId, (id, previous) -> {
            if (previous == null || previous.cell() != cell) {
                // File under the new cell before leaving the old one, so a concurrent search finds
                // the unit in at least one of them.
                fileUnder(cell, id);
                if (previous != null) {
                    unfileFrom(previous.cell(), id);
                }
            }
            return new Placement(unit, cell);
        });
    }

    /** Removes a unit; a no-op for an unknown id. Searches that start afterwards never see it. */
    public void remove(String unitId) {
        Objects.requireNonNull(unitId, "unitId");
        units.computeIfPresent(unitId, (id, previous) -> {
            unfileFrom(previous.cell(), id);
            return null;
        });
    }

    /** The current snapshot of a unit, if it is indexed. */
    public Optional<IndexedUnit> get(String unitId) {
        Placement placement = units.get(unitId);
        return placement == null ? Optional.empty() : Optional.of(placement.unit());
    }

    /** Number of indexed units, available or not. */
    public int size() {
        return units.size();
    }

    /**
     * The {@code k} units nearest to {@code from} that pass {@code filter} and lie within
     * {@code maxRadiusMetres}, nearest first (ties by unit id). Fewer than k when fewer match.
     *
     * <p>The filter is where callers say what is suitable, e.g.
     * {@code u -> u.available() && u.capability().equals("ALS")}. It runs on search threads
     * and must be quick and side-effect free.
     *
     * @param maxRadiusMetres straight-line search limit; must be positive and finite, because an
     *                        unbounded search for a unit that does not exist would walk the globe
     * @throws IllegalArgumentException if {@code k < 1} or the radius is not positive and finite
     */
    public List<Candidate> nearest(GeoPoint from, int k, Predicate<IndexedUnit> filter, double maxRadiusMetres) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(filter, "filter");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        if (!(maxRadiusMetres > 0 && maxRadiusMetres < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("maxRadiusMetres must be positive and finite, was " + maxRadiusMetres);
        }
        if (units.isEmpty()) {
            return List.of(); // spares an empty fleet the walk out to the radius limit
        }
        long origin = grid.cellOf(from);
        RingBounds bounds = grid.ringBoundsAround(origin);
        NearestCandidates best = new NearestCandidates(k);
        Set<String> seen = new HashSet<>();
        for (int ring = 0; ; ring++) {
            for (long cell : grid.ring(origin, ring)) {
                collect(cell, from, filter, maxRadiusMetres, best, seen);
            }
            double unsearchedAtLeast = bounds.unsearchedAtLeast(ring);
            boolean nothingCloserLeft = best.isFull() && best.worstDistance() <= unsearchedAtLeast;
            if (nothingCloserLeft || unsearchedAtLeast > maxRadiusMetres) {
                return best.closestFirst();
            }
        }
    }

    private void collect(long cell, GeoPoint from, Predicate<IndexedUnit> filter, double maxRadiusMetres,
                         NearestCandidates best, Set<String> seen) {
        Set<String> ids = cells.get(cell);
        if (ids == null) {
            return;
        }
        for (String id : ids) {
            // Judge the unit's current snapshot, not the cell it was found in: during a move it is
            // briefly filed under two cells, and `seen` keeps it from being counted twice.
            Placement placement = units.get(id);
            if (placement == null || !seen.add(id) || !filter.test(placement.unit())) {
                continue;
            }
            double distance = GeodesicDistance.metres(from, placement.unit().position());
            if (distance <= maxRadiusMetres) {
                best.offer(Candidate.of(placement.unit(), distance));
            }
        }
    }

    private void fileUnder(long cell, String unitId) {
        cells.compute(cell, (c, ids) -> {
            Set<String> members = ids == null ? ConcurrentHashMap.newKeySet() : ids;
            members.add(unitId);
            return members;
        });
    }

    private void unfileFrom(long cell, String unitId) {
        // Empty cells are dropped so a city's worth of travel does not leave a trail of empty
        // sets; doing it inside compute() keeps a concurrent fileUnder from adding to a dropped set.
        cells.computeIfPresent(cell, (c, ids) -> {
            ids.remove(unitId);
            return ids.isEmpty() ? null : ids;
        });
    }

    /** Total cell memberships; equals {@link #size()} whenever no update is in flight. */
    int cellMemberships() {
        return cells.values().stream().mapToInt(Set::size).sum();
    }
}
