package org.sahaya.server.access.people;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.sahaya.core.totp.Totp;
import org.sahaya.server.access.FailureThrottle;
import org.sahaya.server.audit.Audit;
import org.sahaya.server.audit.AuditEvent;

/**
 * A person's login: throttle, password, second factor, session, in that order, each attempt in the
 * audit log. Every refusal is the same {@link LoginResult.Refused} after the same work (an unknown
 * user's password is still checked, against a dummy hash), so neither the answer nor its time tells
 * an account exists. Failures are counted per account and per address; a blocked one is refused
 * before its password is looked at. Blocking (Argon2, JDBC, grid): call it from a virtual thread.
 */
public final class Logins {

    static final String LOGIN = "session.login";
    static final String LOGOUT = "session.logout";
    private static final int ACTOR_MAX = 64;

    private final UserDirectory users;
    private final Passwords passwords;
    private final TotpSteps steps;
    private final Sessions sessions;
    private final FailureThrottle byAccount;
    private final FailureThrottle byAddress;
    private final Audit audit;
    private final Clock clock;

    public Logins(UserDirectory users, Passwords passwords, TotpSteps steps, Sessions sessions,
                  FailureThrottle byAccount, FailureThrottle byAddress, Audit audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.steps = steps;
        this.sessions = sessions;
        this.byAccount = byAccount;
        this.byAddress = byAddress;
        this.audit = audit;
        this.clock = clock;
    }

    public LoginResult attempt(String username, String password, String code, String address) {
        String actor = actor(username);
        String account = actor.toLowerCase(Locale.ROOT);
        if (byAccount.blocked(account) || byAddress.blocked(address)) {
            Duration wait = later(byAccount.retryAfter(account), byAddress.retryAfter(address));
            record(LOGIN, actor, "", address, "throttled");
            return new LoginResult.Throttled(wait.isZero() ? Duration.ofSeconds(1) : wait);
        }
        Optional<User> found = username == null ? Optional.empty() : users.find(username);
        boolean passwordOk = found.isPresent() ? passwords.verify(password, found.get().passwordHash())
                : passwords.verifyUnknown(password);
        if (!passwordOk || found.get().disabled() || !secondFactor(found.get(), code)) {
            byAccount.failed(account);
            byAddress.failed(address);
            record(LOGIN, actor, "", address, "failed");
            return new LoginResult.Refused();
        }
        User user = found.get();
        Sessions.Opened session = sessions.open(user);
        users.loggedIn(user.username(), clock.instant());
        record(LOGIN, actor, String.join("+", user.roleNames()), address, "ok");
        return new LoginResult.LoggedIn(session.token(), session.expiresAt(), user.roleNames(), user.unit());
    }

    /** Ends the session of {@code token} (if any) and writes it down. Blocking. */
    public void logout(String token, String address) {
        Optional<String> whose = sessions.end(token);
        record(LOGOUT, whose.orElse("anonymous"), "", address, whose.isPresent() ? "ok" : "no-session");
    }

    /** A required code must match a step not used before; a person without a secret in a role without one needs none. */
    private boolean secondFactor(User user, String code) {
        if (!user.needsCode()) {
            return true;
        }
        if (user.totpSecret() == null) {
            return false; // a role that needs a code, but no secret to check it against
        }
        OptionalLong step = Totp.match(user.totpSecret(), code, clock.instant());
        return step.isPresent() && steps.accept(user.username(), step.getAsLong());
    }

    private void record(String action, String actor, String roles, String address, String outcome) {
        audit.record(new AuditEvent(clock.instant(), actor, roles, action, "", address, outcome));
    }

    /** The username as given, fit for the audit log: at most 64 characters, control characters replaced. */
    static String actor(String username) {
        if (username == null || username.isEmpty()) {
            return "anonymous";
        }
        String cut = username.length() > ACTOR_MAX ? username.substring(0, ACTOR_MAX) : username;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static Duration later(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
