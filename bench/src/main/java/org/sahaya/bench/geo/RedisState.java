package org.sahaya.bench.geo;

import java.util.List;
import java.util.UUID;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.args.GeoUnit;
import redis.clients.jedis.params.GeoSearchParam;
import redis.clients.jedis.resps.GeoRadiusResponse;

/**
 * The same fleet in the local Redis, filtered the way Redis users usually do it: one geo set per
 * capability holding only the available units (GEOADD when a unit reports while available, ZREM
 * when it stops being available), so GEOSEARCH itself answers "available and capability X".
 *
 * <p>The search widens its radius (2, 5, 20, then the dispatcher's 60 km) until it has k units:
 * a single 60 km GEOSEARCH would sort every available unit of the city on each call, which no one
 * would ship. This gives Redis its best case at this density.
 */
@State(Scope.Benchmark)
public class RedisState {

    static final String HOST = "127.0.0.1";
    static final int PORT = 6379;
    private static final double[] RADII_METRES = {2_000, 5_000, 20_000, NearestAvailableBenchmark.MAX_RADIUS_METRES};

    @Param({"10000", "100000"})
    public int units;

    private final String prefix = "sahaya:bench:geo:" + UUID.randomUUID() + ":available:";
    private Jedis queries;
    private Jedis writes;
    private PacedUpdates updates;
    private BenchFleet.Query[] points;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        BenchFleet fleet = new BenchFleet(units);
        queries = new Jedis(HOST, PORT);
        writes = new Jedis(HOST, PORT);
        Pipeline load = writes.pipelined();
        for (int i = 0; i < fleet.size(); i++) {
            if (fleet.available[i]) {
                load.geoadd(key(fleet.capability[i]), fleet.lon[i], fleet.lat[i], fleet.ids[i]);
            }
        }
        load.sync();
        points = BenchFleet.queries(NearestAvailableBenchmark.QUERIES);
        updates = new PacedUpdates(fleet, NearestAvailableBenchmark.UPDATES_PER_SECOND, "redis", batch -> {
            Pipeline p = writes.pipelined();
            for (Move m : batch) {
                if (m.available()) {
                    p.geoadd(key(m.capability()), m.lon(), m.lat(), m.id());
                } else if (m.wasAvailable()) {
                    p.zrem(key(m.capability()), m.id());
                }
            }
            p.sync();
        }).start();
    }

    private String key(String capability) {
        return prefix + capability;
    }

    List<GeoRadiusResponse> nearest() {
        BenchFleet.Query q = points[next++ & (NearestAvailableBenchmark.QUERIES - 1)];
        List<GeoRadiusResponse> found = List.of();
        for (double radius : RADII_METRES) {
            found = queries.geosearch(key(q.capability()), GeoSearchParam.geoSearchParam()
                    .fromLonLat(q.lon(), q.lat()).byRadius(radius, GeoUnit.M)
                    .asc().count(NearestAvailableBenchmark.K).withDist());
            if (found.size() == NearestAvailableBenchmark.K) {
                break;
            }
        }
        return found;
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        System.out.printf("%nredis, %d units: %.0f position updates/s applied during the trial%n", units, updates.stop());
        writes.del(key(BenchFleet.ALS), key(BenchFleet.BLS));
        queries.close();
        writes.close();
    }
}
