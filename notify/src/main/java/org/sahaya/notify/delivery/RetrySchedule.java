package org.sahaya.notify.delivery;

import java.time.Duration;

/**
 * How long to wait before the next attempt of a message a provider turned away for now:
 * exponential backoff with "equal jitter" (half the step fixed, half random), so many messages
 * refused at the same moment (a provider's rate limit) do not all come back at the same moment.
 * Pure.
 *
 * @param first      the step before the second attempt
 * @param max        no step is longer
 * @param multiplier growth per attempt
 */
public record RetrySchedule(Duration first, Duration max, double multiplier) {

    /** 500 ms, 1 s, 2 s, 4 s, 8 s, 10 s, 10 s, ... each between half and all of that. */
    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofMillis(500), Duration.ofSeconds(10), 2.0);

    public RetrySchedule {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || multiplier < 1.0) {
            throw new IllegalArgumentException("a retry schedule needs 0 < first <= max and multiplier >= 1");
        }
    }

    /**
     * @param failedAttempts attempts made so far (1 after the first refusal)
     * @param random         a number in [0, 1)
     */
    public Duration delayAfter(int failedAttempts, double random) {
        double step = first.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        long capped = (long) Math.min(step, max.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random * (capped - capped / 2)));
    }
}
