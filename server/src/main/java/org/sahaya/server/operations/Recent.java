package org.sahaya.server.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Incident ids this member has measured something for, each with a time, forgotten when the incident
 * closes or, if that is never heard here, a day later: what keeps a meter from counting an incident twice
 * without growing with every incident ever seen.
 */
final class Recent {

    private static final int PRUNE_ABOVE = 10_000;
    private static final Duration KEEP = Duration.ofDays(1);

    private final Map<String, Instant> entries = new ConcurrentHashMap<>();

    /** @return true if {@code key} was not held (and now is, with {@code at}) */
    boolean add(String key, Instant at) {
        boolean added = entries.putIfAbsent(key, at) == null;
        if (added) {
            prune(at);
        }
        return added;
    }

    /** Holds {@code key} with {@code at}, replacing any earlier time. */
    void put(String key, Instant at) {
        entries.put(key, at);
        prune(at);
    }

    private void prune(Instant now) {
        if (entries.size() > PRUNE_ABOVE) {
            Instant cutoff = now.minus(KEEP);
            entries.values().removeIf(t -> t.isBefore(cutoff));
        }
    }

    /** @return the time held for {@code key}, now forgotten; null if none */
    Instant take(String key) {
        return entries.remove(key);
    }

    /** Forgets every key that starts with {@code prefix} (an incident id and its sub-keys). */
    void forget(String prefix) {
        entries.keySet().removeIf(k -> k.startsWith(prefix));
    }

    int size() {
        return entries.size();
    }
}
