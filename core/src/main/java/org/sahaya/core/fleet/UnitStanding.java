package org.sahaya.core.fleet;

/**
 * A unit's standing with the operator, apart from its duty status: whether the administration keeps it
 * in service. A unit on a job always finishes it first; the standing decides what it becomes when it
 * would be free again ({@link Unit#released}, a crew's AVAILABLE): available, out of service, or gone.
 */
public enum UnitStanding {
    /** Becomes AVAILABLE when free. */
    IN_SERVICE,
    /** Taken out of service by an admin: becomes OUT_OF_SERVICE instead of AVAILABLE until put back. */
    OUT_OF_SERVICE,
    /** Removed by an admin: becomes OUT_OF_SERVICE when free and then leaves the grid; never dispatched again. */
    REMOVED
}
