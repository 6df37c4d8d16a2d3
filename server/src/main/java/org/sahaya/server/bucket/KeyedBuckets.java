package org.sahaya.server.bucket;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One Bucket4j token bucket per key (a device id, an address, an account), on the project's clock so
 * that tests move time instead of sleeping. A key's bucket is dropped once it has refilled to its
 * capacity: a new bucket starts full, so forgetting it changes no answer, and the map does not keep
 * a bucket for every key it ever saw. The walk that drops them looks at a few keys per use, never
 * pausing to walk the whole map.
 */
public final class KeyedBuckets {

    /** Held buckets looked at per use: more than the one a use can add, so full ones go faster than new keys come. */
    private static final int EVICTION_CHECKS_PER_USE = 2;

    private final Bandwidth bandwidth;
    private final TimeMeter time;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicBoolean evicting = new AtomicBoolean();
    /** Where the eviction walk goes on; used only by the thread holding {@link #evicting}. */
    private Iterator<String> walk;

    public KeyedBuckets(Bandwidth bandwidth, Clock clock) {
        this.bandwidth = bandwidth;
        this.time = new ClockTime(clock);
    }

    /** Runs {@code use} on {@code key}'s bucket (a full one if none is held), atomically with the eviction walk. */
    public void use(String key, Consumer<Bucket> use) {
        // inside compute, so that the eviction walk cannot drop a bucket between its read and this use
        buckets.compute(key, (k, held) -> {
            Bucket bucket = held != null ? held : Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build();
            use.accept(bucket);
            return bucket;
        });
        evictSome();
    }

    /** The bucket held for {@code key}, or null when none is (it would be full). */
    public Bucket held(String key) {
        return buckets.get(key);
    }

    /** How many keys hold a bucket. */
    public int size() {
        return buckets.size();
    }

    private void evictSome() {
        if (!evicting.compareAndSet(false, true)) {
            return; // another thread is walking; one walker is enough
        }
        try {
            for (int i = 0; i < EVICTION_CHECKS_PER_USE; i++) {
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

    /** The project's clock as Bucket4j's time source. */
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
