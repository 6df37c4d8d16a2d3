package org.sahaya.bench.geo;

import java.util.Random;

/**
 * The one data set every backend gets: {@code size} ambulances spread uniformly over the demo
 * city's box around Bengaluru, 40 % ALS and 60 % BLS, 60 % of them available, from a fixed seed.
 * The same seed gives the same units, query points and position updates in every backend's JVM
 * state, so the three are measured on identical data.
 *
 * <p>Mutable on purpose: the updater thread moves units in place, and each backend's state owns
 * its own copy.
 */
final class BenchFleet {

    static final double MIN_LAT = 12.83;
    static final double MAX_LAT = 13.14;
    static final double MIN_LON = 77.46;
    static final double MAX_LON = 77.78;
    static final String ALS = "ALS";
    static final String BLS = "BLS";
    static final long SEED = 20261124L;

    final String[] ids;
    final double[] lat;
    final double[] lon;
    final String[] capability;
    final boolean[] available;

    BenchFleet(int size) {
        Random random = new Random(SEED);
        ids = new String[size];
        lat = new double[size];
        lon = new double[size];
        capability = new String[size];
        available = new boolean[size];
        for (int i = 0; i < size; i++) {
            ids[i] = "KA-%06d".formatted(i);
            lat[i] = MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT);
            lon[i] = MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON);
            capability[i] = random.nextDouble() < 0.4 ? ALS : BLS;
            available[i] = random.nextDouble() < 0.6;
        }
    }

    int size() {
        return ids.length;
    }

    /** Search origins and the capability each one asks for, half ALS and half BLS. */
    static Query[] queries(int count) {
        Random random = new Random(SEED + 1);
        Query[] queries = new Query[count];
        for (int i = 0; i < count; i++) {
            queries[i] = new Query(MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT),
                    MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON), i % 2 == 0 ? ALS : BLS);
        }
        return queries;
    }

    record Query(double lat, double lon, String capability) {
    }
}
