package org.sahaya.server.access.people;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sahaya.server.access.Role;

/**
 * A person who may log in: a name, a password hash, a TOTP secret, roles, the partner a fleet's
 * or hospital's person is bound to, and the unit a crew member is bound to. Never prints its hash or secret.
 *
 * @param username     3 to 64 of {@code [a-z0-9._-]}
 * @param passwordHash Argon2id PHC string ({@link PasswordHash}); null in listings
 * @param totpSecret   base32 RFC 6238 secret; null if the person has none (or in listings)
 * @param roles        at least one
 * @param partner      the fleet or hospital id for a FLEET or HOSPITAL person; null otherwise
 * @param createdAt    when the account was made
 * @param disabled     a disabled account cannot log in and its sessions end
 * @param lastLoginAt  the last successful login; null if never
 * @param unit         the unit a CREW person is bound to ({@code users.unit_id}); null for anyone else
 */
public record User(String username, String passwordHash, String totpSecret, Set<Role> roles, String partner,
                   Instant createdAt, boolean disabled, Instant lastLoginAt, String unit) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{3,64}");
    private static final Pattern PARTNER = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** Names of the demo users, which only a demo node knows and no one may create. */
    public static final String DEMO_PREFIX = "demo-";

    public User {
        Objects.requireNonNull(username, "username");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** A person bound to no unit (anyone but a crew member). */
    public User(String username, String passwordHash, String totpSecret, Set<Role> roles, String partner,
                Instant createdAt, boolean disabled, Instant lastLoginAt) {
        this(username, passwordHash, totpSecret, roles, partner, createdAt, disabled, lastLoginAt, null);
    }

    /** Whether this person must give a TOTP code: a role that needs one, or a secret of their own. */
    public boolean needsCode() {
        return totpSecret != null || roles.stream().anyMatch(Role::needsSecondFactor);
    }

    /** Lowercase role names, sorted, as the login answer carries them. */
    public java.util.List<String> roleNames() {
        return roles.stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList();
    }

    /**
     * Checks what a new account must be; throws {@link IllegalArgumentException} saying what is wrong.
     * Demo names are refused: demo users exist only in a demo node's memory.
     */
    public static void checkNew(String username, Set<Role> roles, String partner) {
        checkNew(username, roles, partner, null);
    }

    /**
     * As {@link #checkNew(String, Set, String)}, with the unit a crew member is bound to: CREW needs one
     * and holds no other role (a crew's session touches its own unit and nothing else); no one else has one.
     */
    public static void checkNew(String username, Set<Role> roles, String partner, String unit) {
        if (username == null || !NAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a username is 3 to 64 characters of a-z, 0-9, '.', '_' and '-'");
        }
        if (username.startsWith(DEMO_PREFIX)) {
            throw new IllegalArgumentException("usernames starting with '" + DEMO_PREFIX + "' are the demo's own");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        boolean bound = roles.contains(Role.FLEET) || roles.contains(Role.HOSPITAL);
        if (roles.contains(Role.FLEET) && roles.contains(Role.HOSPITAL)) {
            throw new IllegalArgumentException("a user is bound to one partner: fleet or hospital, not both");
        }
        if (bound && partner == null) {
            throw new IllegalArgumentException("a fleet or hospital user needs the partner they belong to");
        }
        if (!bound && partner != null) {
            throw new IllegalArgumentException("only a fleet or hospital user is bound to a partner");
        }
        if (partner != null && !PARTNER.matcher(partner).matches()) {
            throw new IllegalArgumentException("a partner id is 1 to 64 characters of A-Z, a-z, 0-9, '.', '_', ':' and '-'");
        }
        boolean crew = roles.contains(Role.CREW);
        if (crew && roles.size() > 1) {
            throw new IllegalArgumentException("a crew user holds the crew role only");
        }
        if (crew && unit == null) {
            throw new IllegalArgumentException("a crew user needs the unit they crew (--unit)");
        }
        if (!crew && unit != null) {
            throw new IllegalArgumentException("only a crew user is bound to a unit");
        }
        if (unit != null && !UNIT.matcher(unit).matches()) {
            throw new IllegalArgumentException("a unit id is 1 to 64 characters of A-Z, a-z, 0-9, '.', '_', ':' and '-'");
        }
    }

    static String joinRoles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Role> splitRoles(String joined) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : joined.split(",")) {
            if (!name.isBlank()) {
                roles.add(Role.valueOf(name.strip()));
            }
        }
        return roles;
    }

    /** Never the hash or the secret. */
    @Override
    public String toString() {
        return "User[" + username + ", roles=" + joinRoles(roles) + (partner == null ? "" : ", partner=" + partner)
                + (unit == null ? "" : ", unit=" + unit) + (disabled ? ", disabled" : "") + "]";
    }
}
