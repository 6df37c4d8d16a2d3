package org.sahaya.server.device;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Merges a sighting into the device's entry on the partition that owns it, so sightings arriving
 * out of order over several gateways (or members) never move the last-heard time backwards.
 */
record KeepLater(Seen seen) implements EntryProcessor<String, Seen, Void> {

    @Override
    public Void process(Map.Entry<String, Seen> entry) {
        entry.setValue(seen.laterOf(entry.getValue()));
        return null;
    }
}
