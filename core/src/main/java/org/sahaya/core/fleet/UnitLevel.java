package org.sahaya.core.fleet;

/** Ambulance capability: advanced or basic life support. */
public enum UnitLevel {
    ALS, BLS
}
