package org.sahaya.core.fleet;

/** Where a unit is in its duty cycle. Only AVAILABLE units may be claimed. */
public enum UnitStatus {
    AVAILABLE, DISPATCHED, EN_ROUTE, ON_SCENE, TRANSPORTING, AT_HOSPITAL, RETURNING, OUT_OF_SERVICE
}
