package org.sahaya.server.access;

import java.util.Objects;
import java.util.Set;

/**
 * Who made a request, once authenticated: a person logged in with a session, or a partner's machine
 * key. The name is what the audit log and the incident timeline record (a username or a partner
 * id), never a secret.
 *
 * @param name    the username or the partner's id
 * @param kind    a person or a partner's key
 * @param roles   what the caller may do
 * @param partner the fleet or hospital a partner key (or a partner's person) is bound to; null if none
 * @param address where the request came from (the peer's address), for the audit log and throttles
 * @param unit    the unit a crew member ({@link Role#CREW}) is bound to; null for anyone else
 */
public record Caller(String name, Kind kind, Set<Role> roles, String partner, String address, String unit) {

    /** A person with an account, or a machine key of a partner. */
    public enum Kind {
        PERSON, PARTNER
    }

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        roles = Set.copyOf(roles);
    }

    /** A caller bound to no unit (anyone but a crew member). */
    public Caller(String name, Kind kind, Set<Role> roles, String partner, String address) {
        this(name, kind, roles, partner, address, null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this caller is bound to {@code partnerId} (its own fleet or hospital). */
    public boolean owns(String partnerId) {
        return partner != null && partner.equals(partnerId);
    }

    /** Whether this caller is the crew of {@code unitId}: a CREW person bound to that unit. */
    public boolean crews(String unitId) {
        return roles.contains(Role.CREW) && unit != null && unit.equals(unitId);
    }

    /** The roles as the audit log writes them: lowercase names joined by '+', sorted. */
    public String roleNames() {
        return roles.stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).sorted()
                .reduce((a, b) -> a + "+" + b).orElse("");
    }
}
