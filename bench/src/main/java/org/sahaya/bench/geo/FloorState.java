package org.sahaya.bench.geo;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.GeodesicDistance;

/**
 * A control for reading the other rows on a shared machine: fixed CPU work about as long as our
 * search (eight GeographicLib geodesics from the query point, what the search spends most of its
 * time on), with no index, no data and no I/O. Its p50 is what the work costs; how far its p99
 * and p99.9 sit above that is what the machine's scheduler alone adds to a task of that length.
 */
@State(Scope.Benchmark)
public class FloorState {

    private static final GeoPoint[] TARGETS = {
        GeoPoint.of(12.97, 77.59), GeoPoint.of(12.93, 77.62), GeoPoint.of(13.03, 77.55), GeoPoint.of(12.91, 77.65),
        GeoPoint.of(13.10, 77.60), GeoPoint.of(12.85, 77.66), GeoPoint.of(12.96, 77.51), GeoPoint.of(13.00, 77.70)};

    private final BenchFleet.Query[] queries = BenchFleet.queries(NearestAvailableBenchmark.QUERIES);
    private int next;

    double eightGeodesics() {
        BenchFleet.Query q = queries[next++ & (NearestAvailableBenchmark.QUERIES - 1)];
        GeoPoint from = GeoPoint.of(q.lat(), q.lon());
        double sum = 0;
        for (GeoPoint target : TARGETS) {
            sum += GeodesicDistance.metres(from, target);
        }
        return sum;
    }
}
