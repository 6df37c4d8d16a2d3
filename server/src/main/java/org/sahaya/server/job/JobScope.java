package org.sahaya.server.job;

import org.sahaya.server.access.Caller;
import org.sahaya.server.access.Role;
import org.sahaya.server.access.partners.PartnerScope;

/**
 * Whose jobs a caller may read and answer: coordinators and supervisors any unit's, a fleet's key (or a
 * fleet's person) only its own fleet's units', a crew member only its own unit's. Pure.
 */
public final class JobScope {

    private JobScope() {
    }

    /**
     * @param unitId    the unit whose job it is
     * @param unitFleet the fleet (partner id) that owns the unit; null for a unit of no fleet
     */
    public static boolean mayAct(Caller caller, String unitId, String unitFleet) {
        if (PartnerScope.dispatches(caller)) {
            return true;
        }
        if (caller.has(Role.FLEET) && caller.owns(unitFleet)) {
            return true;
        }
        return caller.has(Role.CREW) && unitId.equals(caller.unit());
    }
}
