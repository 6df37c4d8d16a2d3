package org.sahaya.core.fleet;

import java.util.Optional;

/**
 * The ambulances as the grid holds them now: a read view for those who only name a unit (a family
 * message, an incident view). Changes go through dispatch's claims and fleet reports, never here.
 * The grid (core.grid) implements it.
 */
@FunctionalInterface
public interface Units {

    /** The unit as its owner holds it now, or empty for an unknown unit. */
    Optional<Unit> unit(String unitId);
}
