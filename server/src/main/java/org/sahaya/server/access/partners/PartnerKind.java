package org.sahaya.server.access.partners;

import org.sahaya.server.access.Role;

/** A fleet owns ambulances; a hospital owns its bed board. Each kind's key holds one role. */
public enum PartnerKind {
    FLEET(Role.FLEET),
    HOSPITAL(Role.HOSPITAL);

    private final Role role;

    PartnerKind(Role role) {
        this.role = role;
    }

    /** The role a key of this kind of partner holds. */
    public Role role() {
        return role;
    }
}
