package org.sahaya.dispatch.fleet;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.sahaya.core.Coordinates;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.grid.Grid;

/**
 * What fleet partners report about their units, applied in the grid: statuses checked against
 * {@link UnitStatus}'s transitions and positions, each as an entry processor on the unit's owner so
 * that a report racing a claim can neither undo it nor be lost. Every member's {@link FleetIndex}
 * follows through its listener.
 */
public final class GridFleet {

    private final IMap<String, Unit> units;
    private final Clock clock;

    public GridFleet(Grid grid, Clock clock) {
        this.units = grid.units();
        this.clock = clock;
    }

    public Optional<Unit> get(String unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    public StatusChange changeStatus(String unitId, UnitStatus next) {
        StatusChange change = units.executeOnKey(unitId, new ChangeStatus(unitId, next, clock.instant()));
        return change == null ? new StatusChange.Unknown(unitId) : change;
    }

    /**
     * The unit back to AVAILABLE (or OUT_OF_SERVICE, as its standing says) only if it is still DISPATCHED on
     * {@code incidentId}: its crew never acknowledged the job. Checked and changed in one entry processor on
     * the unit's owner, so a crew that accepts at the same moment either wins (nothing changes here: Illegal)
     * or loses (its EN_ROUTE is then an illegal move).
     */
    public StatusChange releaseUnacknowledged(String unitId, String incidentId) {
        StatusChange change = units.executeOnKey(unitId, new ReleaseUnacknowledged(unitId, incidentId, clock.instant()));
        return change == null ? new StatusChange.Unknown(unitId) : change;
    }

    /** @return the unit at its new position, or empty for an unknown unit (nothing changed) */
    public Optional<Unit> move(String unitId, Coordinates at) {
        return Optional.ofNullable(units.executeOnKey(unitId, new Move(at, clock.instant())));
    }

    record ChangeStatus(String unitId, UnitStatus next, Instant at) implements EntryProcessor<String, Unit, StatusChange> {
        @Override
        public StatusChange process(Map.Entry<String, Unit> entry) {
            Unit unit = entry.getValue();
            if (unit == null) {
                return new StatusChange.Unknown(unitId);
            }
            if (!unit.status().canMoveTo(next) || next == UnitStatus.DISPATCHED) {
                return new StatusChange.Illegal(unit, next);
            }
            Unit after = unit.withStatus(next, at);
            entry.setValue(after);
            return new StatusChange.Changed(unit, after);
        }
    }

    record ReleaseUnacknowledged(String unitId, String incidentId, Instant at)
            implements EntryProcessor<String, Unit, StatusChange> {
        @Override
        public StatusChange process(Map.Entry<String, Unit> entry) {
            Unit unit = entry.getValue();
            if (unit == null) {
                return new StatusChange.Unknown(unitId);
            }
            if (unit.status() != UnitStatus.DISPATCHED || !incidentId.equals(unit.incidentId())) {
                return new StatusChange.Illegal(unit, UnitStatus.AVAILABLE);
            }
            Unit after = unit.withStatus(UnitStatus.AVAILABLE, at);
            entry.setValue(after);
            return new StatusChange.Changed(unit, after);
        }
    }

    record Move(Coordinates to, Instant at) implements EntryProcessor<String, Unit, Unit> {
        @Override
        public Unit process(Map.Entry<String, Unit> entry) {
            Unit unit = entry.getValue();
            if (unit == null) {
                return null;
            }
            Unit moved = unit.movedTo(to, at);
            entry.setValue(moved);
            return moved;
        }
    }
}
