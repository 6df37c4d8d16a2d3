package org.sahaya.core.retry;

import java.time.Duration;

/**
 * How long to wait before trying again after a failure: exponential steps, capped. The one backoff of
 * the house: a message a provider turned away for now (with jitter, so messages refused together do
 * not all come back together), an incident whose automatic dispatch threw (without). Pure.
 *
 * @param first      the step before the second attempt
 * @param max        no step is longer
 * @param multiplier growth per attempt
 */
public record Backoff(Duration first, Duration max, double multiplier) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || multiplier < 1.0) {
            throw new IllegalArgumentException("a backoff needs 0 < first <= max and multiplier >= 1");
        }
    }

    /**
     * The step after {@code failedAttempts} failures: {@code first}, then each {@code multiplier} times
     * the one before, never more than {@code max}.
     *
     * @param failedAttempts attempts made so far (1 after the first failure)
     */
    public Duration delayAfter(int failedAttempts) {
        return Duration.ofMillis(stepMillis(failedAttempts));
    }

    /**
     * {@link #delayAfter(int)} with "equal jitter": half the step fixed, half random.
     *
     * @param failedAttempts attempts made so far (1 after the first failure)
     * @param random         a number in [0, 1)
     */
    public Duration delayAfter(int failedAttempts, double random) {
        long step = stepMillis(failedAttempts);
        return Duration.ofMillis(step / 2 + (long) (random * (step - step / 2)));
    }

    private long stepMillis(int failedAttempts) {
        double step = first.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return (long) Math.min(step, max.toMillis());
    }
}
