package org.sahaya.dispatch.claims;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.grid.Grid;

/**
 * Unit claims as entry processors on the partition that owns the unit: the check "is it available?"
 * and the write "now it is ours" happen in one step on one thread, so no lock and no CP subsystem is
 * needed, and a member failure cannot leave half a claim behind (the backup applies the same processor).
 */
public final class GridUnitClaims implements UnitClaims {

    private final IMap<String, Unit> units;
    private final Clock clock;

    public GridUnitClaims(Grid grid, Clock clock) {
        this.units = grid.units();
        this.clock = clock;
    }

    @Override
    public Optional<Unit> claim(String unitId, String incidentId) {
        return Optional.ofNullable(units.executeOnKey(unitId, new Claim(incidentId, clock.instant())));
    }

    @Override
    public void release(String unitId, String incidentId) {
        units.executeOnKey(unitId, new Release(incidentId, clock.instant()));
    }

    record Claim(String incidentId, Instant at) implements EntryProcessor<String, Unit, Unit> {
        @Override
        public Unit process(Map.Entry<String, Unit> entry) {
            Unit unit = entry.getValue();
            if (unit == null || !unit.isAvailable()) {
                return null;
            }
            Unit claimed = unit.assignedTo(incidentId, at);
            entry.setValue(claimed);
            return claimed;
        }
    }

    record Release(String incidentId, Instant at) implements EntryProcessor<String, Unit, Unit> {
        @Override
        public Unit process(Map.Entry<String, Unit> entry) {
            Unit unit = entry.getValue();
            if (unit == null || !incidentId.equals(unit.incidentId()) || unit.status() == UnitStatus.OUT_OF_SERVICE) {
                return unit;
            }
            Unit released = unit.released(at);
            entry.setValue(released);
            return released;
        }
    }
}
