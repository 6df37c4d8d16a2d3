package org.sahaya.loadtest.alerts;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.sahaya.core.alert.AlertType;

/**
 * A bounded sample of accepted alerts and the incident the node said each went to, for checking
 * afterwards that those incidents exist. Keeps every n-th sequence number, up to a capacity.
 */
public final class IncidentSample {

    /** One accepted alert. */
    public record Entry(long sequence, AlertType type, String incidentId) {
    }

    private final int everyNth;
    private final int capacity;
    private final AtomicInteger size = new AtomicInteger();
    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();

    public IncidentSample(int everyNth, int capacity) {
        if (everyNth < 1 || capacity < 0) {
            throw new IllegalArgumentException("everyNth must be >= 1 and capacity >= 0");
        }
        this.everyNth = everyNth;
        this.capacity = capacity;
    }

    /** Spreads {@code capacity} samples over {@code total} sends. */
    public static IncidentSample spread(long total, int capacity) {
        return new IncidentSample((int) Math.max(1, Math.min(Integer.MAX_VALUE, total / Math.max(1, capacity))), capacity);
    }

    public static IncidentSample none() {
        return new IncidentSample(1, 0);
    }

    public boolean wants(long sequence) {
        return sequence % everyNth == 0 && size.get() < capacity;
    }

    public void add(Entry entry) {
        if (size.incrementAndGet() <= capacity) {
            entries.add(entry);
        }
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }
}
