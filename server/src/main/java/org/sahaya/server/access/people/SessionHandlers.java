package org.sahaya.server.access.people;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.sahaya.core.node.Offload;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.contract.Problem;

/**
 * {@code POST /api/v1/session} and {@code DELETE /api/v1/session}: the login answers the token, when
 * it expires if idle and the roles (and a crew's unit, which the crew app works on), and sets the same token as an HttpOnly, SameSite=Strict cookie
 * (Secure over TLS) for the browser; the logout ends the session of the bearer or cookie and clears
 * the cookie. The work runs on a virtual thread ({@link Logins} is blocking).
 */
public final class SessionHandlers {

    static final Problem REFUSED = Problem.of(401, "login-failed", "Login failed",
            "the username, password or code is not right, or the account cannot log in");

    private final Logins logins;
    private final Offload offload;

    public SessionHandlers(Logins logins, Offload offload) {
        this.logins = logins;
        this.offload = offload;
    }

    public void login(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        String address = Access.address(ctx);
        offload.submit(() -> logins.attempt(body.getString("username"), body.getString("password"),
                body.getString("totp"), address)).onComplete(done -> {
                    if (done.failed()) {
                        ctx.fail(done.cause());
                        return;
                    }
                    switch (done.result()) {
                        case LoginResult.LoggedIn in -> loggedIn(ctx, in);
                        case LoginResult.Refused r -> REFUSED.send(ctx);
                        case LoginResult.Throttled t -> {
                            ctx.response().putHeader("Retry-After", Long.toString(t.retryAfter().toSeconds()));
                            Problem.of(429, "too-many-failures", "Too many failed logins",
                                    "too many failed logins for this account or from this address; try again later")
                                    .send(ctx);
                        }
                    }
                });
    }

    public void logout(RoutingContext ctx) {
        String token = Access.bearer(ctx);
        String address = Access.address(ctx);
        offload.submit(() -> {
            logins.logout(token, address);
            return null;
        }).onComplete(done -> {
            if (done.failed()) {
                ctx.fail(done.cause());
                return;
            }
            ctx.response().addCookie(cookie("", ctx).setMaxAge(0));
            ctx.response().setStatusCode(204).end();
        });
    }

    private static void loggedIn(RoutingContext ctx, LoginResult.LoggedIn in) {
        ctx.response().addCookie(cookie(in.token(), ctx));
        JsonObject answer = new JsonObject().put("token", in.token()).put("expiresAt", in.expiresAt().toString())
                .put("roles", new JsonArray(in.roles()));
        if (in.unit() != null) {
            answer.put("unit", in.unit());
        }
        ctx.response().putHeader("Cache-Control", "no-store")
                .putHeader("Content-Type", "application/json")
                .end(answer.encode());
    }

    /** The session cookie: never readable by scripts, never sent from another site, Secure over TLS. */
    static Cookie cookie(String value, RoutingContext ctx) {
        return Cookie.cookie(Access.SESSION_COOKIE, value).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setPath("/").setSecure(ctx.request().isSSL());
    }
}
