package org.sahaya.server.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts failed authentications per key (an account, a device id, an address) and says when a key
 * has failed too often: {@code allowance} failures at once, then one more per {@code period /
 * allowance}. Only failures draw; a success changes nothing, so a caller that authenticates is never
 * held back by this class. Each gateway decides what "blocked" means for it: the login and the
 * partner keys refuse with 429 before checking; a device gateway still admits a message that
 * authenticates (an emergency is never lost to a throttle) and only refuses the failures.
 *
 * <p>A key's bucket is dropped once it has refilled: forgetting it changes no answer.
 */
public final class FailureThrottle {

    private static final int EVICTION_CHECKS = 2;

    private final Bandwidth bandwidth;
    private final TimeMeter time;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicBoolean evicting = new AtomicBoolean();
    private Iterator<String> walk;

    /**
     * @param allowance failures allowed at once before the key is blocked
     * @param period    how long a blocked key takes to earn all its allowance back
     */
    public FailureThrottle(int allowance, Duration period, Clock clock) {
        if (allowance < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("allowance must be >= 1 and period > 0");
        }
        this.bandwidth = Bandwidth.builder().capacity(allowance)
                .refillGreedy(allowance, period).build();
        this.time = new ClockTime(clock);
    }

    /** Whether {@code key} has used up its failures; null keys are never blocked. */
    public boolean blocked(String key) {
        if (key == null) {
            return false;
        }
        Bucket bucket = buckets.get(key);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    /** How long until {@code key} may fail once more; zero if it may now. Whole seconds, at least 1 when blocked. */
    public Duration retryAfter(String key) {
        Bucket bucket = key == null ? null : buckets.get(key);
        if (bucket == null) {
            return Duration.ZERO;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return nanos <= 0 ? Duration.ZERO : Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    /** Notes one failure for {@code key}. */
    public void failed(String key) {
        if (key == null) {
            return;
        }
        buckets.compute(key, (k, held) -> {
            Bucket bucket = held != null ? held
                    : Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build();
            bucket.tryConsume(1);
            return bucket;
        });
        evictSome();
    }

    /** Keys currently held (blocked or on their way back), for tests. */
    int held() {
        return buckets.size();
    }

    private void evictSome() {
        if (!evicting.compareAndSet(false, true)) {
            return;
        }
        try {
            for (int i = 0; i < EVICTION_CHECKS; i++) {
                if (walk == null || !walk.hasNext()) {
                    walk = buckets.keySet().iterator();
                    if (!walk.hasNext()) {
                        return;
                    }
                }
                buckets.computeIfPresent(walk.next(),
                        (k, bucket) -> bucket.getAvailableTokens() >= bandwidth.getCapacity() ? null : bucket);
            }
        } finally {
            evicting.set(false);
        }
    }

    /** The project's clock as Bucket4j's time source, so tests move time instead of sleeping. */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
