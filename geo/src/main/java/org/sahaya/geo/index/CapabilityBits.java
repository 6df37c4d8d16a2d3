package org.sahaya.geo.index;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives each capability label a bit of a long, so "capability in the wanted set" is one AND on a
 * number stored in the cell's own array instead of string comparisons behind two references.
 * A fleet has a handful of capabilities; from the 64th distinct label on, units get bit 0 and
 * searches compare their labels as strings.
 */
final class CapabilityBits {

    private final ConcurrentHashMap<String, Long> bits = new ConcurrentHashMap<>();
    private final AtomicInteger assigned = new AtomicInteger();

    /** The label's bit, assigned on first sight; 0 once all 64 are taken. */
    long bitOf(String capability) {
        Long bit = bits.get(capability);
        if (bit != null) {
            return bit;
        }
        return bits.computeIfAbsent(capability, c -> {
            int next = assigned.getAndIncrement();
            return next < Long.SIZE ? 1L << next : 0L;
        });
    }

    /** The OR of the labels' bits; labels never seen have no units and add nothing. */
    long maskOf(Collection<String> capabilities) {
        long mask = 0;
        for (String capability : capabilities) {
            Long bit = bits.get(capability);
            if (bit != null) {
                mask |= bit;
            }
        }
        return mask;
    }
}
