package org.sahaya.core.notification;

/** How a message reaches a contact. */
public enum Channel {
    /** Records every message where the API can read it: the embedded default. */
    SANDBOX, SMS, PUSH, VOICE
}
