package org.sahaya.dispatch.hospital;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.hospital.Hospital;

/**
 * This member's copy of the hospitals and their bed boards, kept in step with the grid's hospitals
 * map by a listener, so that ranking hospitals for a dispatch reads memory instead of asking every
 * partition of the grid (whose threads may be busy writing through to the database).
 *
 * <p>The copy may lag the grid by an event. That costs at most a reservation that fails on the
 * hospital's owner (the reservation itself checks the free beds there), never a bed held twice. A bed
 * report applied by this member is seen at once ({@link #update}), so the incidents waiting for a bed
 * are offered the beds it reports.
 *
 * <p>A hospital an admin adds or changes arrives the same way; one removed from the grid leaves the board.
 */
public final class HospitalBoard implements AutoCloseable {

    private final Map<String, Hospital> hospitals = new ConcurrentHashMap<>();
    private final IMap<String, Hospital> boards;
    private final UUID listener;

    public HospitalBoard(Grid grid) {
        this.boards = grid.hospitals();
        this.listener = boards.addEntryListener(new Listener(), true);
        boards.values().forEach(h -> hospitals.put(h.id(), h));
    }

    /**
     * A change this member just applied on the hospital's owner (a bed report): seen at once, without
     * waiting for the listener's event.
     */
    public void update(Hospital hospital) {
        hospitals.put(hospital.id(), hospital);
    }

    /** The hospital as last seen, if this member has seen it yet. */
    public Optional<Hospital> get(String hospitalId) {
        return Optional.ofNullable(hospitals.get(hospitalId));
    }

    /** Every hospital as last seen: a snapshot view, not to be modified. */
    public Collection<Hospital> all() {
        return Collections.unmodifiableCollection(hospitals.values());
    }

    @Override
    public void close() {
        boards.removeEntryListener(listener);
    }

    private final class Listener implements EntryAddedListener<String, Hospital>, EntryUpdatedListener<String, Hospital>,
            EntryRemovedListener<String, Hospital> {
        @Override
        public void entryRemoved(EntryEvent<String, Hospital> event) {
            hospitals.remove(event.getKey());
        }

        @Override
        public void entryAdded(EntryEvent<String, Hospital> event) {
            hospitals.put(event.getKey(), event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, Hospital> event) {
            hospitals.put(event.getKey(), event.getValue());
        }
    }
}
