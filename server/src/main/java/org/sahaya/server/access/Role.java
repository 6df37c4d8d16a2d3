package org.sahaya.server.access;

/**
 * What a caller may do. People hold the first four and the auditor's; partners' machine keys hold
 * {@link #FLEET} (bound to one fleet) or {@link #HOSPITAL} (bound to one hospital).
 */
public enum Role {
    /** Runs the node: people, partners and their keys, the city's data. Sees no incident by role alone. */
    ADMIN,
    /** Leads the coordinators: sees every incident and what was done about it. */
    SUPERVISOR,
    /** Watches incidents, overrides a dispatch, closes an incident. */
    COORDINATOR,
    /** A fleet partner's key: its own units and the jobs they are on. */
    FLEET,
    /** A hospital partner's key: its own bed board and the patients coming to it. */
    HOSPITAL,
    /** Reads the audit log and incidents, changes nothing. */
    AUDITOR;

    /** People in these roles must give a second factor (TOTP) to log in. */
    public boolean needsSecondFactor() {
        return this == ADMIN || this == SUPERVISOR || this == COORDINATOR;
    }

    /** The role a partner's machine key may hold; people never hold these. */
    public boolean partnerRole() {
        return this == FLEET || this == HOSPITAL;
    }
}
