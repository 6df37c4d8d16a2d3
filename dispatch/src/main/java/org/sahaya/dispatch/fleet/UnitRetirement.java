package org.sahaya.dispatch.fleet;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.Map;
import java.util.UUID;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitStanding;

/**
 * Takes out of the grid the units an admin removed once they have finished their job
 * ({@link Unit#isGone()}): such a unit is already OUT_OF_SERVICE, so it can no longer be claimed; this
 * only tidies it away. Listens to the entries this member owns (a local listener), so exactly one member
 * removes each unit; the removal runs on a virtual thread, never on Hazelcast's event thread.
 *
 * <p>The gone state was written through to the database before the event ({@link UnitStanding#REMOVED},
 * no incident), and the units' map store never loads such a unit back.
 */
final class UnitRetirement implements AutoCloseable {

    private final IMap<String, Unit> units;
    private final UUID listener;

    UnitRetirement(IMap<String, Unit> units) {
        this.units = units;
        this.listener = units.addLocalEntryListener(new Listener());
    }

    private void removeIfGone(String unitId) {
        Thread.ofVirtual().name("unit-retirement").start(() -> units.executeOnKey(unitId, new RemoveIfGone()));
    }

    @Override
    public void close() {
        units.removeEntryListener(listener);
    }

    /** Removes the entry if the unit is still gone when the processor runs on its owner. */
    record RemoveIfGone() implements EntryProcessor<String, Unit, Boolean> {
        @Override
        public Boolean process(Map.Entry<String, Unit> entry) {
            Unit unit = entry.getValue();
            if (unit == null || !unit.isGone()) {
                return false;
            }
            entry.setValue(null);
            return true;
        }
    }

    private final class Listener implements EntryAddedListener<String, Unit>, EntryUpdatedListener<String, Unit> {
        @Override
        public void entryAdded(EntryEvent<String, Unit> event) {
            if (event.getValue().isGone()) {
                removeIfGone(event.getKey());
            }
        }

        @Override
        public void entryUpdated(EntryEvent<String, Unit> event) {
            if (event.getValue().isGone()) {
                removeIfGone(event.getKey());
            }
        }
    }
}
