package org.sahaya.bench.geo;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.sahaya.geo.index.Candidate;
import redis.clients.jedis.resps.GeoRadiusResponse;

/**
 * "The k nearest available units with capability X to this point", as the dispatcher asks it, on
 * three backends holding the same fleet while 2,000 position reports a second flow into each.
 * Sample-time mode, so the report has the percentiles the latency budget is written in.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NearestAvailableBenchmark {

    /** The dispatcher's candidate count. */
    static final int K = 8;
    /** The dispatcher's search limit. */
    static final double MAX_RADIUS_METRES = 60_000;
    static final int UPDATES_PER_SECOND = 2_000;
    /** Query points cycled through; a power of two so the cursor wraps with a mask. */
    static final int QUERIES = 4_096;

    @Benchmark
    public List<Candidate> ours(OursState state) {
        return state.nearestAvailable();
    }

    @Benchmark
    public List<Candidate> oursPredicate(OursState state) {
        return state.nearestMatching();
    }

    /** No search, fixed work of about the same length: what the machine adds to the tail (see FloorState). */
    @Benchmark
    public double floor(FloorState state) {
        return state.eightGeodesics();
    }

    @Benchmark
    public List<GeoRadiusResponse> redis(RedisState state) {
        return state.nearest();
    }

    @Benchmark
    public List<String> postgis(PostgisState state) throws SQLException {
        return state.nearest();
    }
}
