package org.sahaya.server.admin.privacy;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.Collection;

/**
 * The grid's side of an erasure: every map of the grid (the incidents, the devices' last-heard times,
 * and any map a later feature adds, such as a device cache) loses the entries keyed by the erased
 * person's ids (subscriber, incidents, contacts, devices, DC-09 accounts). Entries are evicted, not
 * removed: a map written through to the database does not delete the rows the erasure kept
 * pseudonymised, and reloads them, as they now are, if asked. Maps of the cluster's own machinery
 * ({@code __vertx.*}, {@code __hz*}) hold no one's data and are left alone.
 */
public final class GridErasure {

    private final HazelcastInstance hazelcast;

    public GridErasure(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    /** Evicts {@code keys} from every map; answers how many entries were there. */
    public int evict(Collection<String> keys) {
        int evicted = 0;
        for (DistributedObject object : hazelcast.getDistributedObjects()) {
            if (!(object instanceof IMap<?, ?> map) || object.getName().startsWith("__")) {
                continue;
            }
            @SuppressWarnings("unchecked")
            IMap<Object, Object> any = (IMap<Object, Object>) map;
            for (String key : keys) {
                if (any.evict(key)) {
                    evicted++;
                }
            }
        }
        return evicted;
    }
}
