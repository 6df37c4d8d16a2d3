package org.sahaya.server.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.time.Duration;
import org.sahaya.server.bucket.KeyedBuckets;

/**
 * Counts failed authentications per key (an account, a device id, an address) and says when a key
 * has failed too often: {@code allowance} failures at once, then one more per {@code period /
 * allowance}. Only failures draw; a success changes nothing, so a caller that authenticates is never
 * held back by this class. Each gateway decides what "blocked" means for it: the login and the
 * partner keys refuse with 429 before checking; a device gateway still admits a message that
 * authenticates (an emergency is never lost to a throttle) and only refuses the failures.
 */
public final class FailureThrottle {

    private final KeyedBuckets buckets;

    /**
     * @param allowance failures allowed at once before the key is blocked
     * @param period    how long a blocked key takes to earn all its allowance back
     */
    public FailureThrottle(int allowance, Duration period, Clock clock) {
        if (allowance < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("allowance must be >= 1 and period > 0");
        }
        this.buckets = new KeyedBuckets(Bandwidth.builder().capacity(allowance).refillGreedy(allowance, period).build(),
                clock);
    }

    /** Whether {@code key} has used up its failures; null keys are never blocked. */
    public boolean blocked(String key) {
        Bucket bucket = key == null ? null : buckets.held(key);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    /** How long until {@code key} may fail once more; zero if it may now. Whole seconds, at least 1 when blocked. */
    public Duration retryAfter(String key) {
        Bucket bucket = key == null ? null : buckets.held(key);
        if (bucket == null) {
            return Duration.ZERO;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return nanos <= 0 ? Duration.ZERO : Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    /** Notes one failure for {@code key}. */
    public void failed(String key) {
        if (key != null) {
            buckets.use(key, bucket -> bucket.tryConsume(1));
        }
    }

    /** Keys currently held (blocked or on their way back), for tests. */
    int held() {
        return buckets.size();
    }
}
