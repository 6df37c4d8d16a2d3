package org.sahaya.core.incident;

/** What triage decided to do with an alert. */
public enum TriageAction {
    /** Send an ambulance now. */
    DISPATCH_NOW,
    /** Wait for the verification window (the device may send "I'm OK"), then dispatch. */
    VERIFY_FIRST,
    /** Record only: tests, low battery and the like. */
    RECORD_ONLY
}
