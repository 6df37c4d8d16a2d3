package org.sahaya.notify.escalation;

/**
 * How a contact acknowledged. It lives with the escalation it stops ({@link Escalation} records it), so
 * that {@code ack}, which stops escalations, depends on {@code escalation} and not the other way round.
 */
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
