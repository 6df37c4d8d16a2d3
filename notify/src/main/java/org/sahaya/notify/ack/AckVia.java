package org.sahaya.notify.ack;

/** How a contact acknowledged. */
public enum AckVia {
    /** Pressed 1 on the escalation call. */
    VOICE_KEYPRESS,
    /** Replied to the SMS (not possible from Indian numbers). */
    SMS_REPLY,
    /** Tapped the action in the app's notification. */
    PUSH_ACTION,
    /** Confirmed on the page the SMS link opens. */
    LINK
}
