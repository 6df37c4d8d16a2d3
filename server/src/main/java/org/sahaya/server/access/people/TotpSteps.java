package org.sahaya.server.access.people;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * RFC 6238 section 5.2: a code once accepted is not accepted again. Remembers, per person, the last
 * step whose code was accepted, in the grid so that it holds on every member, and accepts only a
 * later step. Accepted steps lie within a step of the current one, so a code can be replayed for at
 * most 90 s: the entry lives {@link #REMEMBER} and then goes. Blocking (a grid call).
 */
public final class TotpSteps {

    public static final String MAP = "totp-steps";
    static final Duration REMEMBER = Duration.ofMinutes(2);

    private final IMap<String, Long> steps;

    public TotpSteps(HazelcastInstance hazelcast) {
        this.steps = hazelcast.getMap(MAP);
    }

    /** Whether {@code step} is later than any step accepted for {@code username}; if so, it is now the last. */
    public boolean accept(String username, long step) {
        return steps.executeOnKey(username, new Later(step, REMEMBER.toMillis()));
    }

    /**
     * Runs on the key's owner, so two members accepting the same code at once cannot both succeed
     * (a get then a put could).
     */
    record Later(long step, long ttlMillis) implements EntryProcessor<String, Long, Boolean> {
        @Override
        public Boolean process(Map.Entry<String, Long> entry) {
            Long last = entry.getValue();
            if (last != null && last >= step) {
                return false;
            }
            ((ExtendedMapEntry<String, Long>) entry).setValue(step, ttlMillis, TimeUnit.MILLISECONDS);
            return true;
        }
    }
}
