package org.sahaya.dispatch.fleet;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.grid.Grid;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.index.Candidate;
import org.sahaya.geo.index.UnitIndex;

/**
 * This member's geo index of the fleet, kept in step with the grid's units map by a listener. The
 * index may lag the grid by an event; that only costs a lost claim, never a wrong assignment,
 * because the claim itself checks availability on the unit's owner.
 *
 * <p>Units an admin adds, changes or removes are followed the same way: a unit put into the grid is a
 * candidate on every member once its event arrives, and a unit removed from the grid (or gone, see
 * {@link Unit#isGone()}) leaves the index. This member also tidies away the gone units it owns
 * ({@link UnitRetirement}).
 */
public final class FleetIndex implements AutoCloseable {

    /** The levels able to serve each need, as the index's capability labels (the policy decides which). */
    private static final Map<UnitLevel, Set<String>> SERVING = serving();

    private final UnitIndex index = new UnitIndex();
    /** Each unit as last seen: names and levels for ranking without a grid read per candidate. */
    private final Map<String, Unit> latest = new ConcurrentHashMap<>();
    private final IMap<String, Unit> units;
    private final UUID listener;
    private final UnitRetirement retirement;

    public FleetIndex(Grid grid) {
        this.units = grid.units();
        this.listener = units.addEntryListener(new Listener(), true);
        this.retirement = new UnitRetirement(units);
        units.values().forEach(this::update);
    }

    /** Records a unit's position and status; also called directly after a claim so the index need not wait. */
    public void update(Unit unit) {
        if (unit.isGone()) {
            remove(unit.id());
            return;
        }
        latest.put(unit.id(), unit);
        index.upsert(unit.id(), point(unit.position()), unit.level().name(), unit.isAvailable());
    }

    /** Up to {@code k} available units able to serve {@code needs} within {@code radiusMetres}, nearest first. */
    public List<Candidate> nearestAvailable(GeoPoint from, UnitLevel needs, int k, double radiusMetres) {
        return index.nearestAvailable(from, k, SERVING.get(needs), radiusMetres);
    }

    /**
     * The unit as this member last saw it (may lag the grid by an event, like the index): for what a
     * ranking shows, its call sign and level; availability is decided by the claim on its owner.
     */
    public Optional<Unit> unit(String unitId) {
        return Optional.ofNullable(latest.get(unitId));
    }

    /** Available units of this level in the index (no search): what "no unit free" is decided from. */
    public int availableAt(UnitLevel level) {
        return index.availableWith(level.name());
    }

    public int size() {
        return index.size();
    }

    private static Map<UnitLevel, Set<String>> serving() {
        Map<UnitLevel, Set<String>> serving = new EnumMap<>(UnitLevel.class);
        for (UnitLevel needs : UnitLevel.values()) {
            serving.put(needs, Arrays.stream(UnitLevel.values())
                    .filter(level -> DispatchPolicy.canServe(level, needs))
                    .map(UnitLevel::name)
                    .collect(Collectors.toUnmodifiableSet()));
        }
        return serving;
    }

    public static GeoPoint point(org.sahaya.core.Coordinates c) {
        return GeoPoint.of(c.lat(), c.lon());
    }

    /** Forgets a unit that left the grid: it is no candidate any more. */
    public void remove(String unitId) {
        latest.remove(unitId);
        index.remove(unitId);
    }

    @Override
    public void close() {
        retirement.close();
        units.removeEntryListener(listener);
    }

    private final class Listener implements EntryAddedListener<String, Unit>, EntryUpdatedListener<String, Unit>,
            EntryRemovedListener<String, Unit>, EntryEvictedListener<String, Unit> {
        @Override
        public void entryRemoved(EntryEvent<String, Unit> event) {
            remove(event.getKey());
        }

        @Override
        public void entryEvicted(EntryEvent<String, Unit> event) {
            remove(event.getKey());
        }

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
