package org.sahaya.server.device;

import com.hazelcast.map.IMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.sahaya.core.grid.Grid;

/**
 * Sightings in a grid map: each noted by an entry processor on the partition that owns the device
 * ({@link KeepLater}), a non-blocking, memory-speed write that the cluster shares.
 */
final class GridSightings implements Sightings {

    static final String MAP = "device-last-heard";

    private final IMap<String, Seen> lastHeard;

    GridSightings(Grid grid) {
        this.lastHeard = grid.hazelcast().getMap(MAP);
    }

    @Override
    public CompletionStage<Void> note(String deviceId, Seen seen) {
        return lastHeard.submitToKey(deviceId, new KeepLater(seen));
    }

    @Override
    public Iterable<Map.Entry<String, Seen>> pending() {
        return lastHeard.entrySet();
    }

    @Override
    public void forget(String deviceId, Seen stored) {
        lastHeard.remove(deviceId, stored);
    }
}
