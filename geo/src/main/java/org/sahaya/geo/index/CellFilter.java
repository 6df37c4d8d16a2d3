package org.sahaya.geo.index;

import java.util.Set;
import java.util.function.Predicate;

/** Which entries of a cell a search wants; the two shapes of {@link UnitIndex}'s searches. */
sealed interface CellFilter {

    boolean test(Cell cell, int i);

    /** Any caller-supplied test on the unit's snapshot. */
    record Matching(Predicate<IndexedUnit> predicate) implements CellFilter {
        @Override
        public boolean test(Cell cell, int i) {
            return predicate.test(cell.units[i].unit());
        }
    }

    /** Available, with one of the wanted capabilities: read from the cell's arrays alone. */
    record AvailableWith(long mask, Set<String> capabilities) implements CellFilter {
        @Override
        public boolean test(Cell cell, int i) {
            if (!cell.available[i]) {
                return false;
            }
            long bit = cell.capabilityBit[i];
            return bit != 0 ? (bit & mask) != 0 : capabilities.contains(cell.units[i].unit().capability());
        }
    }
}
