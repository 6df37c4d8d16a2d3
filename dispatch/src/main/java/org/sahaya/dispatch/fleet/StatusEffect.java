package org.sahaya.dispatch.fleet;

import org.sahaya.core.fleet.UnitStatus;

/**
 * What a unit's reported status means for the incident it was working. Pure: the dispatcher's
 * follow-up reads it; {@link UnitStatus} alone says which moves are allowed at all.
 */
public enum StatusEffect {
    /** Nothing changes for any incident. */
    NONE,
    /** The unit left before the patient reached a hospital (declined, broke down): send another. */
    REDISPATCH,
    /** Treated on scene, no transport: the incident closes and its reserved bed is given back. */
    CLOSE_TREATED_ON_SCENE,
    /** The patient was handed over at the hospital: the incident closes and the bed stays occupied. */
    CLOSE_HANDED_OVER;

    public static StatusEffect of(UnitStatus from, UnitStatus to, boolean hadIncident) {
        if (!hadIncident) {
            return NONE;
        }
        return switch (from) {
            case DISPATCHED, EN_ROUTE -> to == UnitStatus.AVAILABLE || to == UnitStatus.OUT_OF_SERVICE ? REDISPATCH : NONE;
            case ON_SCENE -> switch (to) {
                case OUT_OF_SERVICE -> REDISPATCH;
                case AVAILABLE, RETURNING -> CLOSE_TREATED_ON_SCENE;
                default -> NONE;
            };
            case TRANSPORTING -> to == UnitStatus.OUT_OF_SERVICE ? REDISPATCH : NONE;
            case AT_HOSPITAL -> to.isOnIncident() ? NONE : CLOSE_HANDED_OVER;
            default -> NONE;
        };
    }
}
