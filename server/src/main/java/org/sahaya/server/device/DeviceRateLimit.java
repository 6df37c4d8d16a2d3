package org.sahaya.server.device;

import io.github.bucket4j.Bandwidth;
import java.time.Clock;
import java.time.Duration;
import org.sahaya.core.alert.AlertType;
import org.sahaya.server.bucket.KeyedBuckets;

/**
 * Per-device token bucket (Bucket4j) shared by every gateway. It protects the node from a
 * chattering or hijacked device, but never at the cost of an emergency: alert types that can need
 * an ambulance (and the "I'm OK" that stands one down) are always admitted, and still draw from the
 * bucket so that the routine traffic behind them slows down.
 * <p>
 * A device's bucket is dropped once it has refilled to the full burst ({@link KeyedBuckets}).
 */
public final class DeviceRateLimit {

    private final KeyedBuckets buckets;

    /**
     * @param ratePerSecond sustained messages per second a device may send
     * @param burst         how many it may send at once after being quiet
     */
    public DeviceRateLimit(double ratePerSecond, long burst, Clock clock) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
        }
        // greedy: tokens come back continuously, not a whole second's worth at once
        this.buckets = new KeyedBuckets(Bandwidth.builder().capacity(burst)
                .refillGreedy(1, Duration.ofNanos(Math.max(1, Math.round(1e9 / ratePerSecond)))).build(), clock);
    }

    /** A routine message (heartbeat, low battery, test): admitted while the device has tokens. */
    public boolean admitRoutine(String deviceId) {
        return take(deviceId, false);
    }

    /** An alert: emergencies are always admitted; routine types only while tokens remain. */
    public boolean admit(String deviceId, AlertType type) {
        return take(deviceId, isNeverDropped(type));
    }

    /** The alert types a rate limit must never refuse. */
    public static boolean isNeverDropped(AlertType type) {
        return switch (type) {
            case FALL, SOS, MEDICAL, SMOKE, CO, GAS, INACTIVITY, CANCEL -> true;
            case WATER, LOW_BATTERY, TEST, DEVICE_OFFLINE -> false;
        };
    }

    /** Whether a bucket is held for this device (it is not once the device has been quiet long enough). */
    boolean holdsBucket(String deviceId) {
        return buckets.held(deviceId) != null;
    }

    private boolean take(String deviceId, boolean always) {
        boolean[] admitted = {false};
        buckets.use(deviceId, bucket -> {
            if (always) {
                bucket.consumeIgnoringRateLimits(1); // debt: routine traffic behind an emergency waits longer
                admitted[0] = true;
            } else {
                admitted[0] = bucket.tryConsume(1);
            }
        });
        return admitted[0];
    }
}
