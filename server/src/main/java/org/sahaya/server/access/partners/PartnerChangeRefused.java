package org.sahaya.server.access.partners;

/** An admin's change to the partners that was refused, and why; nothing changed. Carries no key. */
public final class PartnerChangeRefused extends RuntimeException {

    /** Why the change was refused. */
    public enum Reason {
        /** A partner with the id exists already (every hospital is one from the start). */
        EXISTS,
        /** No partner has the id. */
        UNKNOWN,
        /** A hospital partner must name a hospital that exists. */
        NO_SUCH_HOSPITAL
    }

    private final Reason reason;

    PartnerChangeRefused(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
