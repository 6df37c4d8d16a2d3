package org.sahaya.server.access.partners;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A fleet or a hospital that uses the API with a machine key, as an admin lists it: never with its
 * key or the key's hash.
 *
 * @param id           short and stable, {@code [A-Za-z0-9-]}: fleets {@code FLEET-<n>} by convention, a
 *                     hospital the hospital's own id ({@code H-01})
 * @param kind         fleet or hospital
 * @param name         display name ("Namma Ambulance")
 * @param keyCreatedAt when its current key was issued; null while it has none
 */
public record Partner(String id, PartnerKind kind, String name, Instant keyCreatedAt) {

    /** What a partner id may look like: it appears in paths, the audit log and demo keys. */
    public static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$");

    /** Whether the partner has a working key. */
    public boolean hasKey() {
        return keyCreatedAt != null;
    }
}
