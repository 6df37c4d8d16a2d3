package org.sahaya.dispatch.fleet;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.List;
import java.util.UUID;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.index.Candidate;
import org.sahaya.geo.index.UnitIndex;

/**
 * This member's geo index of the fleet, kept in step with the grid's units map by a listener. The
 * index may lag the grid by an event; that only costs a lost claim, never a wrong assignment,
 * because the claim itself checks availability on the unit's owner.
 */
public final class FleetIndex implements AutoCloseable {

    private final UnitIndex index = new UnitIndex();
    private final IMap<String, Unit> units;
    private final UUID listener;

    public FleetIndex(IMap<String, Unit> units) {
        this.units = units;
        this.listener = units.addEntryListener(new Listener(), true);
        units.values().forEach(this::update);
    }

    /** Records a unit's position and status; also called directly after a claim so the index need not wait. */
    public void update(Unit unit) {
        index.upsert(unit.id(), point(unit.position()), unit.level().name(), unit.isAvailable());
    }

    /** Up to {@code k} available units able to serve {@code needs} within {@code radiusMetres}, nearest first. */
    public List<Candidate> nearestAvailable(GeoPoint from, UnitLevel needs, int k, double radiusMetres) {
        return index.nearest(from, k,
                u -> u.available() && DispatchPolicy.canServe(UnitLevel.valueOf(u.capability()), needs), radiusMetres);
    }

    public int size() {
        return index.size();
    }

    public static GeoPoint point(org.sahaya.core.Coordinates c) {
        return GeoPoint.of(c.lat(), c.lon());
    }

    @Override
    public void close() {
        units.removeEntryListener(listener);
    }

    private final class Listener implements EntryAddedListener<String, Unit>, EntryUpdatedListener<String, Unit> {
        @Override
        public void entryAdded(EntryEvent<String, Unit> event) {
            update(event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, Unit> event) {
            update(event.getValue());
        }
    }
}
