package org.sahaya.loadtest.run;

import java.time.Duration;

/**
 * The intended send times of an open-loop run: a constant arrival rate, first a warm-up whose
 * requests are not measured, then the measured period. Send {@code i} is intended at
 * {@code i / rate} seconds after the start, computed from {@code i} each time so rounding never
 * accumulates into drift. Pure: no clock.
 *
 * @param ratePerSecond requests per second, the same in warm-up and measurement
 * @param warmup        how long to send before measuring (JIT, connection set-up, caches)
 * @param duration      how long to measure
 */
public record Schedule(int ratePerSecond, Duration warmup, Duration duration) {

    public static final int MAX_RATE = 20_000;
    public static final Duration MAX_DURATION = Duration.ofMinutes(10);

    public Schedule {
        if (ratePerSecond < 1 || ratePerSecond > MAX_RATE) {
            throw new IllegalArgumentException("rate must be 1.." + MAX_RATE + " per second, was " + ratePerSecond);
        }
        if (warmup.isNegative() || warmup.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("warm-up must be 0.." + MAX_DURATION.toSeconds() + " s, was " + warmup);
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration must be 1.." + MAX_DURATION.toSeconds() + " s, was " + duration);
        }
    }

    /** Sends in the warm-up; they come first, with sequence numbers {@code 0 .. warmupCount()-1}. */
    public long warmupCount() {
        return countIn(warmup);
    }

    /** Sends that are measured: {@code rate × duration}. */
    public long measuredCount() {
        return countIn(duration);
    }

    public long totalCount() {
        return warmupCount() + measuredCount();
    }

    public boolean isWarmup(long sequence) {
        return sequence < warmupCount();
    }

    /** When send {@code sequence} is intended, in nanoseconds after the start of the run. */
    public long intendedOffsetNanos(long sequence) {
        if (sequence < 0 || sequence >= totalCount()) {
            throw new IllegalArgumentException("no send " + sequence + " in a schedule of " + totalCount());
        }
        return Math.multiplyExact(sequence, 1_000_000_000L) / ratePerSecond;
    }

    /** When measurement starts, in nanoseconds after the start of the run. */
    public long measurementStartNanos() {
        return Math.multiplyExact(warmupCount(), 1_000_000_000L) / ratePerSecond;
    }

    private long countIn(Duration d) {
        return Math.multiplyExact((long) ratePerSecond, d.toNanos()) / 1_000_000_000L;
    }
}
