package org.sahaya.geo.index;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many available units the index holds per capability, kept as units change, so that "no unit
 * free with these capabilities" is answered by a few map reads instead of a walk over every ring
 * out to the search limit (which, once a whole fleet is out, is every emergency's search).
 *
 * <p>Changes to one unit are serialised by the index, so each unit is counted at most once. A
 * search that reads a count while a unit becomes available sees it as if the search began just
 * before that change, which {@link UnitIndex}'s consistency promise allows.
 */
final class AvailableCounts {

    private final ConcurrentHashMap<String, AtomicInteger> byCapability = new ConcurrentHashMap<>();

    /** Accounts for a unit going from {@code previous} (null if new) to {@code next} (null if removed). */
    void moved(IndexedUnit previous, IndexedUnit next) {
        if (previous != null && previous.available()) {
            counter(previous.capability()).decrementAndGet();
        }
        if (next != null && next.available()) {
            counter(next.capability()).incrementAndGet();
        }
    }

    /** Whether at least one available unit has one of the capabilities. */
    boolean anyOf(Set<String> capabilities) {
        for (String capability : capabilities) {
            if (of(capability) > 0) {
                return true;
            }
        }
        return false;
    }

    int of(String capability) {
        AtomicInteger count = byCapability.get(capability);
        return count == null ? 0 : count.get();
    }

    private AtomicInteger counter(String capability) {
        return byCapability.computeIfAbsent(capability, c -> new AtomicInteger());
    }
}
