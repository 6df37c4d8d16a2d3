package org.sahaya.server.access.partners;

import java.time.Instant;

/**
 * A partner's new machine key, as the admin who created or rotated it sees it, once: only its hash
 * is kept. Never logged; {@link #toString()} leaves the key out.
 */
public record IssuedKey(Partner partner, String key, Instant createdAt) {

    @Override
    public String toString() {
        return "IssuedKey[" + partner.id() + ", " + createdAt + "]";
    }
}
