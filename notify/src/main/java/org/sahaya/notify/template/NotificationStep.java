package org.sahaya.notify.template;

/**
 * The incident step a family message reports. Its name is stored as the outbox row's {@code step},
 * so (incident, contact, channel, step) identifies one message: renaming a constant breaks that key.
 */
public enum NotificationStep {
    /** An ambulance is on its way: unit, ETA and receiving hospital are known. */
    DISPATCHED,
    /** Every suitable ambulance is busy: the incident waits for the next free one. */
    QUEUED,
    /** The device stopped reporting past its heartbeat interval. Not an emergency. */
    DEVICE_OFFLINE,
    /** The device reported a low battery. Not an emergency. */
    LOW_BATTERY,
    /** The device said "I'm OK" before an ambulance was sent: the incident is stood down. */
    STOOD_DOWN,
    /** Another ambulance is coming: the crew first sent declined the job. Sent once per new unit. */
    NEW_UNIT_DECLINED,
    /** Another ambulance is coming: the crew first sent did not accept in time. Sent once per new unit. */
    NEW_UNIT_NOT_ACCEPTED,
    /** Another ambulance is coming: the one first sent went out of service. Sent once per new unit. */
    NEW_UNIT_BROKE_DOWN,
    /** Another ambulance is coming: a coordinator chose a nearer one. Sent once per new unit. */
    NEW_UNIT_NEARER,
    /** The crew is with the person (the unit reports ON_SCENE). */
    ON_SCENE,
    /** The ambulance is taking the person to the named hospital (TRANSPORTING). */
    TO_HOSPITAL,
    /** The ambulance reached the hospital (AT_HOSPITAL). */
    AT_HOSPITAL,
    /** Closed: the crew handed the person over at the hospital. */
    HANDED_OVER,
    /** Closed: the crew treated the person where they were, no transport needed. */
    TREATED_ON_SCENE,
    /** Closed by a coordinator. */
    CLOSED;

    /** Longest outbox step key (the column is VARCHAR(40)). */
    private static final int MAX_KEY = 40;

    /** True when the message names a unit, an ETA and a hospital, so those must be given. */
    public boolean needsDispatchDetails() {
        return this == DISPATCHED || perUnit();
    }

    /** True for "another unit is coming": each re-dispatch is its own message, keyed by the new unit. */
    public boolean perUnit() {
        return name().startsWith("NEW_UNIT_");
    }

    /** True when the message speaks of the unit of the incident and its hospital. */
    public boolean namesUnit() {
        return needsDispatchDetails() || this == ON_SCENE || this == TO_HOSPITAL || this == AT_HOSPITAL
                || this == HANDED_OVER;
    }

    /**
     * The outbox row's {@code step} for this step about {@code unitId}: the name, plus the unit for a
     * {@link #perUnit()} step, so that a second and a third unit each get their own message once.
     */
    public String key(String unitId) {
        if (!perUnit() || unitId == null) {
            return name();
        }
        String key = name() + ":" + unitId;
        return key.length() <= MAX_KEY ? key : name() + ":" + Integer.toHexString(unitId.hashCode());
    }
}
