package org.sahaya.server.http;

import io.vertx.core.Handler;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.authorization.Authorization;
import io.vertx.ext.auth.authorization.OrAuthorization;
import io.vertx.ext.auth.authorization.RoleBasedAuthorization;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Set;
import org.sahaya.core.config.ApiKey;
import org.sahaya.server.http.contract.Problem;

/**
 * Authenticates fleet partners, hospitals and coordinators by the {@code X-Api-Key} header through
 * {@link PartnerKeys}, then lets through only the roles an operation names. Runs before contract
 * validation, so an unauthenticated caller learns nothing about the body's rules. Keys are never
 * logged.
 *
 * <p>Why not Vert.x's {@code APIKeyHandler} over the same provider: on a route it must come before
 * any plain handler, and the routine lane comes first on the partners' routine routes; it answers
 * a missing and an unknown key alike by failing the request with 401, where ours says which; and
 * it writes a security-audit line at INFO for every request, many per second from a fleet.
 */
public final class ApiKeyHandler {

    public static final String HEADER = "X-Api-Key";
    /**
     * The caller, a {@link User} named after its partner (never the key), for the handlers after this
     * one. Not the context's {@code user()}: Vert.x 5 lets only its own authentication handlers set that.
     */
    public static final String PARTNER = "sahaya.partner";

    private final PartnerKeys keys;

    public ApiKeyHandler(PartnerKeys keys) {
        this.keys = keys;
    }

    /** A handler that lets through only callers holding a key of one of {@code roles}. */
    public Handler<RoutingContext> require(ApiKey.Role first, ApiKey.Role... more) {
        Set<ApiKey.Role> roles = EnumSet.of(first, more);
        OrAuthorization allowed = OrAuthorization.create();
        roles.forEach(role -> allowed.addAuthorization(RoleBasedAuthorization.create(role.name())));
        return ctx -> {
            String presented = ctx.request().getHeader(HEADER);
            if (presented == null || presented.isBlank()) {
                Problem.ofField(401, "api-key-missing", "API key missing",
                        "send the partner's key in " + HEADER, HEADER).send(ctx);
                return;
            }
            keys.authenticate(new TokenCredentials(presented)).onComplete(
                    partner -> admit(ctx, partner, allowed, roles),
                    unknown -> Problem.ofField(401, "api-key-unknown", "Unknown API key",
                            "the key in " + HEADER + " is not valid here", HEADER).send(ctx));
        };
    }

    private static void admit(RoutingContext ctx, User partner, Authorization allowed, Set<ApiKey.Role> roles) {
        if (!allowed.match(partner)) {
            Problem.ofField(403, "api-key-forbidden", "Forbidden", "a "
                    + partner.principal().getString(PartnerKeys.ROLE).toLowerCase()
                    + " key may not do this; it needs a key for " + roles, HEADER).send(ctx);
            return;
        }
        ctx.put(PARTNER, partner);
        ctx.next();
    }
}
