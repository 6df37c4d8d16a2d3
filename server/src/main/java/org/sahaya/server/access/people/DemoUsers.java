package org.sahaya.server.access.people;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.sahaya.server.access.Role;

/**
 * The demo's people ({@code demo-admin}, {@code demo-supervisor}, {@code demo-coordinator},
 * {@code demo-auditor}), known only to a node started with {@code demo} and never stored: anyone
 * trying the demo logs in with the published password and TOTP secret. Each unit of the demo city has
 * a crew, {@code demo-crew-<unit id in lowercase>} ({@code demo-crew-amb-001} for AMB-001), with the
 * same password and no TOTP (crews never give one). Their one password hash is made on first use,
 * off the event loop (the caller's thread is a virtual one).
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
    /** A demo crew's name is this followed by its unit's id in lowercase. */
    public static final String CREW_PREFIX = "demo-crew-";

    private final Passwords passwords;
    private final Instant since;
    private final Predicate<String> unitExists;
    private volatile String hash;

    /** Demo users without crews (no units to crew). */
    public DemoUsers(Passwords passwords, Instant since) {
        this(passwords, since, unit -> false);
    }

    /** @param unitExists whether a unit of that id is in the demo city (blocking is fine: callers are virtual threads) */
    public DemoUsers(Passwords passwords, Instant since, Predicate<String> unitExists) {
        this.passwords = passwords;
        this.since = since;
        this.unitExists = unitExists;
    }

    /** The demo crew's name for {@code unitId}. */
    public static String crewOf(String unitId) {
        return CREW_PREFIX + unitId.toLowerCase(java.util.Locale.ROOT);
    }

    /** The demo user of that name, if it is one. Blocking the first time (one Argon2 hash). */
    public Optional<User> find(String username) {
        Role role = ROLES.get(username);
        if (role != null) {
            return Optional.of(new User(username, hash(), TOTP_SECRET, Set.of(role), null, since, false, null));
        }
        return crewUnit(username).map(unit -> new User(username, hash(), null, Set.of(Role.CREW), null, since, false,
                null, unit));
    }

    /** Whether {@code username} is a demo user (a crew's unit still in the city). */
    public boolean knows(String username) {
        return ROLES.containsKey(username) || crewUnit(username).isPresent();
    }

    private Optional<String> crewUnit(String username) {
        if (!username.startsWith(CREW_PREFIX) || username.length() == CREW_PREFIX.length()) {
            return Optional.empty();
        }
        String unit = username.substring(CREW_PREFIX.length()).toUpperCase(java.util.Locale.ROOT);
        return unit.matches("[A-Z0-9._:-]{1,64}") && unitExists.test(unit) ? Optional.of(unit) : Optional.empty();
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
