package org.sahaya.server.device;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sahaya.core.alert.AlertType;

/**
 * Per-device token bucket (Bucket4j) shared by every gateway. It protects the node from a
 * chattering or hijacked device, but never at the cost of an emergency: alert types that can need
 * an ambulance (and the "I'm OK" that stands one down) are always admitted, and still draw from the
 * bucket so that the routine traffic behind them slows down.
 * <p>
 * A device's bucket is dropped once it has refilled to the full burst: a new bucket starts full, so
 * forgetting it changes no answer, and the node does not keep one bucket for every device it ever heard.
 */
public final class DeviceRateLimit {

    /**
     * Held buckets looked at per admission: more than the one bucket an admission can add, so the
     * full ones are dropped faster than new devices arrive, without ever pausing to walk the whole map.
     */
    private static final int EVICTION_CHECKS_PER_ADMISSION = 2;

    private final Bandwidth bandwidth;
    private final TimeMeter time;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicBoolean evicting = new AtomicBoolean();
    /** Where the eviction walk goes on; used only by the thread holding {@link #evicting}. */
    private Iterator<String> walk;

    /**
     * @param ratePerSecond sustained messages per second a device may send
     * @param burst         how many it may send at once after being quiet
     */
    public DeviceRateLimit(double ratePerSecond, long burst, Clock clock) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
        }
        // greedy: tokens come back continuously, not a whole second's worth at once
        this.bandwidth = Bandwidth.builder().capacity(burst)
                .refillGreedy(1, Duration.ofNanos(Math.max(1, Math.round(1e9 / ratePerSecond)))).build();
        this.time = new ClockTime(clock);
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
        return buckets.containsKey(deviceId);
    }

    private boolean take(String deviceId, boolean always) {
        boolean[] admitted = {false};
        // inside compute, so that the eviction walk cannot drop a bucket between its read and this draw
        buckets.compute(deviceId, (id, held) -> {
            Bucket bucket = held != null ? held : Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build();
            if (always) {
                bucket.consumeIgnoringRateLimits(1); // debt: routine traffic behind an emergency waits longer
                admitted[0] = true;
            } else {
                admitted[0] = bucket.tryConsume(1);
            }
            return bucket;
        });
        evictSome();
        return admitted[0];
    }

    private void evictSome() {
        if (!evicting.compareAndSet(false, true)) {
            return; // another thread is walking; one walker is enough
        }
        try {
            for (int i = 0; i < EVICTION_CHECKS_PER_ADMISSION; i++) {
                if (walk == null || !walk.hasNext()) {
                    walk = buckets.keySet().iterator();
                    if (!walk.hasNext()) {
                        return;
                    }
                }
                buckets.computeIfPresent(walk.next(),
                        (id, bucket) -> bucket.getAvailableTokens() >= bandwidth.getCapacity() ? null : bucket);
            }
        } finally {
            evicting.set(false);
        }
    }

    /** The project's clock as Bucket4j's time source, so that tests move time instead of sleeping. */
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
