package org.sahaya.geo.index;

import java.util.Arrays;

/**
 * The units filed under one H3 cell, as parallel arrays (position, availability, capability bit)
 * beside the snapshots themselves. Immutable: every change builds a new cell (copy on write, tens
 * of entries), so searches scan plain arrays with no locks, iterators or pointer chasing, and
 * touch a unit's snapshot only once it matches.
 */
final class Cell {

    static final Cell EMPTY = new Cell(new FiledUnit[0]);

    final FiledUnit[] units;
    final double[] latRad;
    final double[] lonRad;
    final double[] cosLat;
    final long[] capabilityBit;
    final boolean[] available;

    private Cell(FiledUnit[] units) {
        this.units = units;
        int n = units.length;
        latRad = new double[n];
        lonRad = new double[n];
        cosLat = new double[n];
        capabilityBit = new long[n];
        available = new boolean[n];
        for (int i = 0; i < n; i++) {
            FiledUnit u = units[i];
            latRad[i] = u.latRad();
            lonRad[i] = u.lonRad();
            cosLat[i] = u.cosLat();
            capabilityBit[i] = u.capabilityBit();
            available[i] = u.unit().available();
        }
    }

    int size() {
        return units.length;
    }

    /** This cell with the unit's snapshot added, or replacing the unit's older one. */
    Cell with(FiledUnit filed) {
        for (int i = 0; i < units.length; i++) {
            if (units[i].id().equals(filed.id())) {
                FiledUnit[] replaced = units.clone();
                replaced[i] = filed;
                return new Cell(replaced);
            }
        }
        FiledUnit[] grown = Arrays.copyOf(units, units.length + 1);
        grown[units.length] = filed;
        return new Cell(grown);
    }

    /** This cell without the unit; null when that leaves it empty. */
    Cell without(String unitId) {
        for (int i = 0; i < units.length; i++) {
            if (units[i].id().equals(unitId)) {
                if (units.length == 1) {
                    return null;
                }
                FiledUnit[] shrunk = new FiledUnit[units.length - 1];
                System.arraycopy(units, 0, shrunk, 0, i);
                System.arraycopy(units, i + 1, shrunk, i, units.length - i - 1);
                return new Cell(shrunk);
            }
        }
        return this;
    }

    static Cell of(FiledUnit filed) {
        return new Cell(new FiledUnit[] {filed});
    }
}
