package org.sahaya.core.fleet;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a unit is in its duty cycle. The allowed transitions are written here and only here; the
 * fleet API, the claims and the dispatcher all check them. Only AVAILABLE units may be claimed, and
 * only a claim moves a unit to DISPATCHED.
 *
 * <p>What a move means for the unit's incident (re-dispatch after a decline or a breakdown, close
 * after a hand-over) is the dispatch module's decision, not this enum's.
 */
public enum UnitStatus {
    /** Free and ready: the only status a claim accepts. */
    AVAILABLE,
    /** Claimed for an incident; the crew has not acknowledged yet. AVAILABLE from here is a decline. */
    DISPATCHED,
    /** The crew acknowledged and is driving to the scene. */
    EN_ROUTE,
    /** With the patient. */
    ON_SCENE,
    /** Carrying the patient to the receiving hospital. */
    TRANSPORTING,
    /** At the receiving hospital, handing the patient over. */
    AT_HOSPITAL,
    /** On the way back; finished with its incident but not yet free. */
    RETURNING,
    /** Off duty, broken down or otherwise unusable. */
    OUT_OF_SERVICE;

    private static final Map<UnitStatus, Set<UnitStatus>> NEXT = Map.of(
            AVAILABLE, EnumSet.of(DISPATCHED, OUT_OF_SERVICE),
            DISPATCHED, EnumSet.of(EN_ROUTE, ON_SCENE, AVAILABLE, OUT_OF_SERVICE),
            EN_ROUTE, EnumSet.of(ON_SCENE, AVAILABLE, OUT_OF_SERVICE),
            ON_SCENE, EnumSet.of(TRANSPORTING, RETURNING, AVAILABLE, OUT_OF_SERVICE),
            TRANSPORTING, EnumSet.of(AT_HOSPITAL, OUT_OF_SERVICE),
            AT_HOSPITAL, EnumSet.of(RETURNING, AVAILABLE, OUT_OF_SERVICE),
            RETURNING, EnumSet.of(AVAILABLE, OUT_OF_SERVICE),
            OUT_OF_SERVICE, EnumSet.of(AVAILABLE));

    /** Statuses a fleet partner may report; DISPATCHED is set by a claim only. */
    public static final Set<UnitStatus> REPORTABLE = EnumSet.complementOf(EnumSet.of(DISPATCHED));

    public boolean canMoveTo(UnitStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** @throws IllegalStateException if the move is not allowed */
    public UnitStatus moveTo(UnitStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("unit cannot move from " + this + " to " + next);
        }
        return next;
    }

    /** Working an incident: from the claim until the patient is handed over. */
    public boolean isOnIncident() {
        return this == DISPATCHED || this == EN_ROUTE || this == ON_SCENE || this == TRANSPORTING || this == AT_HOSPITAL;
    }
}
