package org.sahaya.bench.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A background thread that feeds a backend position reports at a fixed rate while the queries
 * are measured: every 10 ms a batch of rate/100 moves (2,000/s = 20 per tick). Paced against the
 * wall clock, not flat out, so it costs a backend what a real fleet would; when a backend cannot
 * keep up, the achieved rate printed at the end says so.
 *
 * <p>A move drifts the unit up to ~150 m (city driving between two reports a few seconds apart)
 * and flips its availability with 2 % probability (a job started or finished).
 */
final class PacedUpdates implements AutoCloseable {

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final double STEP_DEGREES = 0.0014;

    private final BenchFleet fleet;
    private final int perTick;
    private final Consumer<List<Move>> backend;
    private final Random random = new Random(BenchFleet.SEED + 2);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long applied;
    private long startNanos;
    private volatile long stopNanos;

    PacedUpdates(BenchFleet fleet, int perSecond, String name, Consumer<List<Move>> backend) {
        this.fleet = fleet;
        this.perTick = Math.max(1, perSecond / 100);
        this.backend = backend;
        this.thread = Thread.ofPlatform().daemon().name("updates-" + name).unstarted(this::run);
    }

    PacedUpdates start() {
        startNanos = System.nanoTime();
        thread.start();
        return this;
    }

    private void run() {
        long due = startNanos;
        List<Move> batch = new ArrayList<>(perTick);
        while (running) {
            due += TICK_NANOS;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            batch.clear();
            for (int i = 0; i < perTick; i++) {
                batch.add(next());
            }
            try {
                backend.accept(batch);
            } catch (RuntimeException e) {
                // A dead updater would quietly turn the run into a read-only one; say so and stop.
                System.out.println("updates-" + thread.getName() + " failed, no more updates: " + e);
                break;
            }
            applied += batch.size();
        }
        stopNanos = System.nanoTime();
    }

    private Move next() {
        int u = random.nextInt(fleet.size());
        double lat = clamp(fleet.lat[u] + (random.nextDouble() * 2 - 1) * STEP_DEGREES, BenchFleet.MIN_LAT, BenchFleet.MAX_LAT);
        double lon = clamp(fleet.lon[u] + (random.nextDouble() * 2 - 1) * STEP_DEGREES, BenchFleet.MIN_LON, BenchFleet.MAX_LON);
        boolean was = fleet.available[u];
        boolean now = random.nextDouble() < 0.02 ? !was : was;
        fleet.lat[u] = lat;
        fleet.lon[u] = lon;
        fleet.available[u] = now;
        return new Move(u, fleet.ids[u], lat, lon, fleet.capability[u], now, was);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    /** Stops the thread and returns the achieved rate in updates per second. */
    double stop() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(10));
        double seconds = (stopNanos - startNanos) / 1e9;
        return seconds > 0 ? applied / seconds : 0;
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
    }
}
