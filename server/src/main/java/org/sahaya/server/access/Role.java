package org.sahaya.server.access;

/**
 * What a caller may do. People hold any of them; {@link #FLEET} and {@link #HOSPITAL} are bound to
 * one partner, whether a partner's machine key holds them or a person of that partner (a fleet's
 * dispatcher, a hospital's desk) does.
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
    AUDITOR,
    /**
     * An ambulance crew (a person, users.unit_id): its own unit's job, status and position, nothing else.
     * Logs in with a password only (no TOTP): crews share a phone in the ambulance.
     */
    CREW;

    /** People in these roles must give a second factor (TOTP) to log in. */
    public boolean needsSecondFactor() {
        return this == ADMIN || this == SUPERVISOR || this == COORDINATOR;
    }

    /** The roles a partner's machine key may hold; whoever holds them is bound to one partner. */
    public boolean partnerRole() {
        return this == FLEET || this == HOSPITAL;
    }
}
