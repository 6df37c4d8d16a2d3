package org.sahaya.core.incident;

/** Urgency of an incident, P1 most urgent. Lower ordinal = more urgent. */
public enum Priority {
    P1, P2, P3, P4;

    /** P1 and P2 are emergencies: they bypass quiet hours and digests. */
    public boolean isEmergency() {
        return this == P1 || this == P2;
    }
}
