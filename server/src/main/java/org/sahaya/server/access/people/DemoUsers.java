package org.sahaya.server.access.people;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sahaya.server.access.Role;

/**
 * The demo's people ({@code demo-admin}, {@code demo-supervisor}, {@code demo-coordinator},
 * {@code demo-auditor}), known only to a node started with {@code demo} and never stored: anyone
 * trying the demo logs in with the published password and TOTP secret. Their one password hash is
 * made on first use, off the event loop (the caller's thread is a virtual one).
 */
public final class DemoUsers {

    public static final String PASSWORD = "demo-password";
    /** The base32 TOTP secret every demo user shares (put it in an authenticator app to try the demo). */
    public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";
    public static final Map<String, Role> ROLES = Map.of(
            "demo-admin", Role.ADMIN,
            "demo-supervisor", Role.SUPERVISOR,
            "demo-coordinator", Role.COORDINATOR,
            "demo-auditor", Role.AUDITOR);

    private final Passwords passwords;
    private final Instant since;
    private volatile String hash;

    public DemoUsers(Passwords passwords, Instant since) {
        this.passwords = passwords;
        this.since = since;
    }

    /** The demo user of that name, if it is one. Blocking the first time (one Argon2 hash). */
    public Optional<User> find(String username) {
        Role role = ROLES.get(username);
        if (role == null) {
            return Optional.empty();
        }
        return Optional.of(new User(username, hash(), TOTP_SECRET, Set.of(role), null, since, false, null));
    }

    private String hash() {
        String h = hash;
        if (h == null) {
            synchronized (this) {
                if (hash == null) {
                    hash = passwords.hash(PASSWORD);
                }
                h = hash;
            }
        }
        return h;
    }
}
