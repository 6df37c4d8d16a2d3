package org.sahaya.server.access;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sahaya.server.audit.Audit;
import org.sahaya.server.audit.AuditEvent;
import org.sahaya.server.http.contract.Problem;

/**
 * Deny by default: the one gate in front of every operation people and partners use. It finds the
 * caller (a session from {@code Authorization: Bearer} or the session cookie, or a partner's
 * {@code X-Api-Key}), lets through only the roles the operation names, and writes the outcome of
 * every request it let through, and every refusal of a known caller, to the audit log under the
 * caller's name. Runs before contract validation, so a stranger learns nothing about the body's rules.
 *
 * <p>Operations that carry their own credential (a device's signature, a family's signed link,
 * Twilio's signature) or none (health on the management port) are declared with {@link #own}, so
 * that {@link #policy()} names every operation the node serves and a test can walk them all.
 */
public final class Access {

    /** The session cookie: HttpOnly, SameSite=Strict, set by the login. */
    public static final String SESSION_COOKIE = "sahaya_session";
    public static final String API_KEY_HEADER = "X-Api-Key";
    /** The authenticated {@link Caller}, for the handlers after the gate. */
    public static final String CALLER = "sahaya.caller";
    /** Where a handler names the record it touched, for the audit ({@link #touched}). */
    private static final String RECORD = "sahaya.audit.record";
    private static final String API_PREFIX = "/api/v1/";

    private final SessionLookup sessions;
    private final PartnerLookup partners;
    private final Audit audit;
    private final FailureThrottle badCredentials;
    private final Clock clock;
    private final Map<String, Set<Role>> policy = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, String> ownCredentials = Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * @param badCredentials failures per address of unknown partner keys; a blocked address gets
     *                       429 before the key it sends is looked at
     */
    public Access(SessionLookup sessions, PartnerLookup partners, Audit audit, FailureThrottle badCredentials,
                  Clock clock) {
        this.sessions = sessions;
        this.partners = partners;
        this.audit = audit;
        this.badCredentials = badCredentials;
        this.clock = clock;
    }

    /**
     * Names the record a request touched when its path does not (a POST that creates {@code units/AMB-9}
     * under {@code fleets/FLEET-1/units}): the audit entry of the request names it instead of the path.
     */
    public static void touched(RoutingContext ctx, String record) {
        ctx.put(RECORD, record);
    }

    /** The caller the gate let through. */
    public static Caller caller(RoutingContext ctx) {
        Caller caller = ctx.get(CALLER);
        if (caller == null) {
            throw new IllegalStateException("no caller: the route has no Access gate");
        }
        return caller;
    }

    /** A gate for {@code operation} that lets through callers holding one of the roles. */
    public Handler<RoutingContext> require(String operation, Role first, Role... more) {
        Set<Role> roles = EnumSet.of(first, more);
        policy.put(operation, Collections.unmodifiableSet(roles));
        return ctx -> gate(ctx, operation, roles);
    }

    /**
     * Declares that {@code operation} takes no role, because it checks a credential of its own
     * (named in {@code credential}, e.g. "device signature") or none at all. Returns nothing to mount.
     */
    public void own(String operation, String credential) {
        ownCredentials.put(operation, credential);
    }

    /** Every operation gated by role, with the roles it admits. */
    public Map<String, Set<Role>> policy() {
        synchronized (policy) {
            return Map.copyOf(policy);
        }
    }

    /** Every operation that takes its own credential instead of a role, with what that credential is. */
    public Map<String, String> ownCredentials() {
        synchronized (ownCredentials) {
            return Map.copyOf(ownCredentials);
        }
    }

    /** Writes an action a handler did for a caller, beyond the request's own line (e.g. a login). */
    public void audit(Caller caller, String action, String record, String outcome) {
        audit.record(new AuditEvent(clock.instant(), caller.name(), caller.roleNames(), action, record,
                caller.address(), outcome));
    }

    private void gate(RoutingContext ctx, String operation, Set<Role> roles) {
        String address = address(ctx);
        String bearer = bearer(ctx);
        String key = ctx.request().getHeader(API_KEY_HEADER);
        if (bearer == null && (key == null || key.isBlank())) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"sahaya\"");
            Problem.of(401, "unauthenticated", "Not logged in",
                    "log in with POST /api/v1/session and send Authorization: Bearer <token>, or send a partner's "
                            + API_KEY_HEADER).send(ctx);
            return;
        }
        // Only unknown keys count and block: a partner's key may be short (16 characters from
        // SAHAYA_API_KEYS), a session token is 256 random bits, and a console polling with an
        // expired cookie must not lock its person out after the next login.
        if (bearer == null && badCredentials.blocked(address)) {
            ctx.response().putHeader("Retry-After", Long.toString(badCredentials.retryAfter(address).toSeconds()));
            Problem.of(429, "too-many-failures", "Too many failed attempts",
                    "too many unknown credentials from this address; try again later").send(ctx);
            return;
        }
        Future<Optional<Caller>> found = bearer != null ? sessions.session(bearer, address)
                : partners.partner(key, address);
        found.onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
                return;
            }
            Optional<Caller> caller = result.result();
            if (caller.isEmpty()) {
                if (bearer == null) {
                    badCredentials.failed(address);
                }
                audit.record(new AuditEvent(clock.instant(), "anonymous", "", operation, record(ctx), address,
                        bearer != null ? "unknown-session" : "unknown-key"));
                if (bearer != null) {
                    ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"sahaya\", error=\"invalid_token\"");
                    Problem.of(401, "session-unknown", "Session unknown or expired",
                            "log in again with POST /api/v1/session").send(ctx);
                } else {
                    Problem.ofField(401, "api-key-unknown", "Unknown API key",
                            "the key in " + API_KEY_HEADER + " is not valid here", API_KEY_HEADER).send(ctx);
                }
                return;
            }
            admit(ctx, operation, roles, caller.get());
        });
    }

    private void admit(RoutingContext ctx, String operation, Set<Role> roles, Caller caller) {
        if (caller.roles().stream().noneMatch(roles::contains)) {
            audit(caller, operation, record(ctx), "denied");
            Problem.of(403, "forbidden", "Forbidden", "a caller with roles " + caller.roleNames()
                    + " may not do this; it needs one of " + names(roles)).send(ctx);
            return;
        }
        ctx.put(CALLER, caller);
        String record = record(ctx);
        ctx.addEndHandler(ended -> audit(caller, operation, ctx.get(RECORD) instanceof String named ? named : record,
                outcome(ctx.response().getStatusCode())));
        ctx.next();
    }

    private static String outcome(int status) {
        if (status < 400) {
            return "ok";
        }
        return (status == 403 ? "denied " : status < 500 ? "refused " : "failed ") + status;
    }

    /** The session token the request carries: {@code Authorization: Bearer}, else the session cookie; null if none. */
    public static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    /** The peer's address; the node does not trust forwarding headers. */
    public static String address(RoutingContext ctx) {
        var remote = ctx.request().remoteAddress();
        return remote == null ? "" : remote.hostAddress();
    }

    /** The record a request touches, as its path below {@code /api/v1/} (e.g. {@code incidents/I-1}). */
    static String record(RoutingContext ctx) {
        String path = ctx.request().path();
        String record = path.startsWith(API_PREFIX) ? path.substring(API_PREFIX.length()) : path;
        return record.length() > 200 ? record.substring(0, 200) : record;
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).sorted()
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
