package org.sahaya.server.access.partners;

import org.sahaya.server.access.Caller;
import org.sahaya.server.access.Role;

/**
 * What a caller may touch beyond its role: a fleet's key only the units its fleet owns, a hospital's
 * key only its own hospital (whose partner id is the hospital's id), a crew only the one unit it is
 * bound to. People who dispatch, coordinators and supervisors, may touch any unit and any bed board.
 * Pure: the handlers ask before they change anything.
 */
public final class PartnerScope {

    private PartnerScope() {
    }

    /**
     * Whether {@code caller} may report position or status for a unit owned by {@code unitPartner} (null:
     * no fleet). Says nothing of crews, who are bound to a unit, not a fleet: a crew gets false here; ask
     * {@link #mayReportFor(Caller, String, String)} with the unit's id.
     */
    public static boolean mayReportFor(Caller caller, String unitPartner) {
        return dispatches(caller) || (caller.has(Role.FLEET) && caller.owns(unitPartner));
    }

    /**
     * Whether {@code caller} may report position or status for, read, or answer the jobs of the unit
     * {@code unitId} owned by {@code unitPartner}: people who dispatch any unit, a fleet its fleet's
     * units, a crew its own unit only.
     */
    public static boolean mayReportFor(Caller caller, String unitId, String unitPartner) {
        return mayReportFor(caller, unitPartner) || caller.crews(unitId);
    }

    /**
     * Whether {@code caller} is held to units it is bound to (a fleet's key or person, a crew) rather
     * than seeing every unit (coordinators, supervisors, admins).
     */
    public static boolean boundToUnits(Caller caller) {
        return !(dispatches(caller) || caller.has(Role.ADMIN));
    }

    /** Whether {@code caller} may set the free beds of the hospital {@code hospitalId}. */
    public static boolean maySetBedsOf(Caller caller, String hospitalId) {
        return dispatches(caller) || (caller.has(Role.HOSPITAL) && caller.owns(hospitalId));
    }

    /** Coordinators and supervisors correct any unit or bed board. */
    public static boolean dispatches(Caller caller) {
        return caller.has(Role.COORDINATOR) || caller.has(Role.SUPERVISOR);
    }
}
