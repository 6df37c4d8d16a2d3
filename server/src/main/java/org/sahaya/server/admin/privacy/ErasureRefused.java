package org.sahaya.server.admin.privacy;

/** An erasure not done, and why; nothing was changed. */
public final class ErasureRefused extends RuntimeException {

    /** Why: no such subscriber (404), or an incident of theirs still open (409, until it closes). */
    public enum Reason { UNKNOWN, OPEN_INCIDENT }

    private final Reason reason;

    public ErasureRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
