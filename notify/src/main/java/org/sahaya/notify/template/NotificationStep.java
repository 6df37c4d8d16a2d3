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
    STOOD_DOWN;

    /** True when the message names a unit, an ETA and a hospital, so those must be given. */
    public boolean needsDispatchDetails() {
        return this == DISPATCHED;
    }
}
