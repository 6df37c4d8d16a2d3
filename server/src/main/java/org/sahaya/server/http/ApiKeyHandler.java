package org.sahaya.server.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sahaya.core.config.ApiKey;

/**
 * Authenticates fleet partners, hospitals and coordinators by the {@code X-Api-Key} header against
 * {@code SAHAYA_API_KEYS}; demo mode adds the well-known demo keys, which a production node refuses.
 * Runs before contract validation, so an unauthenticated caller learns nothing about the body's rules.
 * Keys are compared in constant time and never logged.
 */
public final class ApiKeyHandler {

    public static final String HEADER = "X-Api-Key";
    /** The caller's {@link ApiKey} (its partner name, never the key) for the handlers after this one. */
    public static final String PARTNER = "sahaya.partner";

    /** Demo keys, accepted only by a node started with {@code demo}: anyone may drive the demo fleet by hand. */
    public static final List<ApiKey> DEMO_KEYS = List.of(
            new ApiKey(ApiKey.Role.FLEET, "demo-fleet", "demo-fleet-api-key"),
            new ApiKey(ApiKey.Role.HOSPITAL, "demo-hospital", "demo-hospital-api-key"),
            new ApiKey(ApiKey.Role.COORDINATOR, "demo-coordinator", "demo-coordinator-api-key"));

    private final List<ApiKey> keys;

    public ApiKeyHandler(List<ApiKey> configured, boolean demo) {
        List<ApiKey> all = new ArrayList<>(configured);
        if (demo) {
            all.addAll(DEMO_KEYS);
        }
        this.keys = List.copyOf(all);
    }

    /** A handler that lets through only callers holding a key of one of {@code roles}. */
    public Handler<RoutingContext> require(ApiKey.Role first, ApiKey.Role... more) {
        Set<ApiKey.Role> roles = EnumSet.of(first, more);
        return ctx -> {
            String presented = ctx.request().getHeader(HEADER);
            if (presented == null || presented.isBlank()) {
                Problem.ofField(401, "api-key-missing", "API key missing",
                        "send the partner's key in " + HEADER, HEADER).send(ctx);
                return;
            }
            Optional<ApiKey> key = find(presented);
            if (key.isEmpty()) {
                Problem.ofField(401, "api-key-unknown", "Unknown API key", "the key in " + HEADER + " is not valid here", HEADER)
                        .send(ctx);
                return;
            }
            if (!roles.contains(key.get().role())) {
                Problem.ofField(403, "api-key-forbidden", "Forbidden", "a " + key.get().role().name().toLowerCase()
                        + " key may not do this; it needs a key for " + roles, HEADER).send(ctx);
                return;
            }
            ctx.put(PARTNER, key.get());
            ctx.next();
        };
    }

    private Optional<ApiKey> find(String presented) {
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        ApiKey match = null;
        for (ApiKey k : keys) {
            // Look at every key so the time taken does not tell how many characters matched.
            if (MessageDigest.isEqual(given, k.key().getBytes(StandardCharsets.UTF_8))) {
                match = k;
            }
        }
        return Optional.ofNullable(match);
    }
}
