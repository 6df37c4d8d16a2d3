package org.sahaya.bench.geo;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.index.Candidate;
import org.sahaya.geo.index.IndexedUnit;
import org.sahaya.geo.index.UnitIndex;

/**
 * Sahaya's {@link UnitIndex}, in process, fed 2,000 position reports a second. Both benchmarks
 * that use it (each its own trial) get their own index and updater.
 */
@State(Scope.Benchmark)
public class OursState {

    @Param({"10000", "100000"})
    public int units;

    private UnitIndex index;
    private PacedUpdates updates;
    private BenchFleet.Query[] queries;
    private GeoPoint[] origins;
    private int next;

    // One filter object per capability, built once, as a dispatcher would hold them.
    private static final Predicate<IndexedUnit> AVAILABLE_ALS = u -> u.available() && u.capability().equals(BenchFleet.ALS);
    private static final Set<String> ONLY_ALS = Set.of(BenchFleet.ALS);
    private static final Set<String> ONLY_BLS = Set.of(BenchFleet.BLS);
    private static final Predicate<IndexedUnit> AVAILABLE_BLS = u -> u.available() && u.capability().equals(BenchFleet.BLS);

    @Setup(Level.Trial)
    public void load() {
        BenchFleet fleet = new BenchFleet(units);
        index = new UnitIndex();
        for (int i = 0; i < fleet.size(); i++) {
            index.upsert(fleet.ids[i], GeoPoint.of(fleet.lat[i], fleet.lon[i]), fleet.capability[i], fleet.available[i]);
        }
        queries = BenchFleet.queries(NearestAvailableBenchmark.QUERIES);
        origins = new GeoPoint[queries.length];
        for (int i = 0; i < queries.length; i++) {
            origins[i] = GeoPoint.of(queries[i].lat(), queries[i].lon());
        }
        updates = new PacedUpdates(fleet, NearestAvailableBenchmark.UPDATES_PER_SECOND, "ours", batch -> {
            for (Move m : batch) {
                index.upsert(m.id(), GeoPoint.of(m.lat(), m.lon()), m.capability(), m.available());
            }
        }).start();
    }

    /** The dispatcher's question through the index's own "available with capability" search. */
    List<Candidate> nearestAvailable() {
        int i = next++ & (NearestAvailableBenchmark.QUERIES - 1);
        Set<String> wanted = queries[i].capability() == BenchFleet.ALS ? ONLY_ALS : ONLY_BLS;
        return index.nearestAvailable(origins[i], NearestAvailableBenchmark.K, wanted, NearestAvailableBenchmark.MAX_RADIUS_METRES);
    }

    /** The same question through the general search with a caller's predicate, as dispatch asks it today. */
    List<Candidate> nearestMatching() {
        int i = next++ & (NearestAvailableBenchmark.QUERIES - 1);
        Predicate<IndexedUnit> filter = queries[i].capability() == BenchFleet.ALS ? AVAILABLE_ALS : AVAILABLE_BLS;
        return index.nearest(origins[i], NearestAvailableBenchmark.K, filter, NearestAvailableBenchmark.MAX_RADIUS_METRES);
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        System.out.printf("%nours, %d units: %.0f position updates/s applied during the trial%n", units, updates.stop());
    }
}
