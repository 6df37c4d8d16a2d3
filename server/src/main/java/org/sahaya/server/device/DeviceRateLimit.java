package org.sahaya.server.device;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.sahaya.core.alert.AlertType;

/**
 * Per-device token bucket shared by every gateway. It protects the node from a chattering or
 * hijacked device, but never at the cost of an emergency: alert types that can need an ambulance
 * (and the "I'm OK" that stands one down) are always admitted, and still draw from the bucket so
 * that the routine traffic behind them slows down.
 */
public final class DeviceRateLimit {

    private final double ratePerSecond;
    private final double burst;
    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param ratePerSecond sustained messages per second a device may send
     * @param burst         how many it may send at once after being quiet
     */
    public DeviceRateLimit(double ratePerSecond, double burst, Clock clock) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** A routine message (heartbeat, low battery, test): admitted while the device has tokens. */
    public boolean admitRoutine(String deviceId) {
        return bucket(deviceId).take(clock.millis(), false);
    }

    /** An alert: emergencies are always admitted; routine types only while tokens remain. */
    public boolean admit(String deviceId, AlertType type) {
        return bucket(deviceId).take(clock.millis(), isNeverDropped(type));
    }

    /** The alert types a rate limit must never refuse. */
    public static boolean isNeverDropped(AlertType type) {
        return switch (type) {
            case FALL, SOS, MEDICAL, SMOKE, CO, GAS, INACTIVITY, CANCEL -> true;
            case WATER, LOW_BATTERY, TEST, DEVICE_OFFLINE -> false;
        };
    }

    private Bucket bucket(String deviceId) {
        return buckets.computeIfAbsent(deviceId, id -> new Bucket(burst, clock.millis()));
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized boolean take(long now, boolean always) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * ratePerSecond / 1000.0);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            if (always) {
                tokens -= 1; // debt: routine traffic behind an emergency waits longer
                return true;
            }
            return false;
        }
    }
}
