package org.sahaya.core.alert;

/** What receiving an alert did; part of the device's answer, stable across resends. */
public enum AlertOutcome {
    /** It opened a new incident. */
    OPENED,
    /** It joined the subscriber's open incident. */
    JOINED,
    /** Recorded only (test, low battery): nothing dispatched. */
    RECORDED
}
