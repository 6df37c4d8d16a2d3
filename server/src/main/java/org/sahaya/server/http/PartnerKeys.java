package org.sahaya.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.auth.authentication.Credentials;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.authorization.RoleBasedAuthorization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.sahaya.core.config.ApiKey;

/**
 * The partners' keys ({@code SAHAYA_API_KEYS}, plus the demo keys on a demo node) as a Vert.x
 * {@link AuthenticationProvider}: a key, as {@link TokenCredentials}, is the partner holding it, a
 * {@link User} named after the partner with its key's role as a {@link RoleBasedAuthorization}. The
 * user never carries the key. Keys are compared in constant time.
 */
public final class PartnerKeys implements AuthenticationProvider {

    /**
     * The demo coordinator key, accepted only by a node started with {@code demo}, until coordinators
     * log in with sessions (issue 14). Fleets and hospitals have their own keys now
     * ({@code org.sahaya.server.access.partners.PartnerDirectory}, demo keys {@code demo-key-<partnerId>}).
     */
    @SuppressWarnings("deprecation")
    public static final List<ApiKey> DEMO_KEYS = List.of(
            new ApiKey(ApiKey.Role.COORDINATOR, "demo-coordinator", "demo-coordinator-api-key"));

    /** The principal's field naming the key's role. */
    static final String ROLE = "role";
    private static final String PROVIDER = "sahaya-api-keys";

    private final List<ApiKey> keys;

    public PartnerKeys(List<ApiKey> configured, boolean demo) {
        List<ApiKey> all = new ArrayList<>(configured);
        if (demo) {
            all.addAll(DEMO_KEYS);
        }
        this.keys = List.copyOf(all);
    }

    /** Completes at once: the keys are in memory. Fails with {@link UnknownKey} for a key no partner holds. */
    @Override
    public Future<User> authenticate(Credentials credentials) {
        String presented = credentials instanceof TokenCredentials token ? token.getToken() : null;
        ApiKey key = presented == null ? null : find(presented);
        if (key == null) {
            return Future.failedFuture(new UnknownKey());
        }
        User partner = User.create(new JsonObject().put("username", key.partner()).put(ROLE, key.role().name()));
        partner.authorizations().put(PROVIDER, RoleBasedAuthorization.create(key.role().name()));
        return Future.succeededFuture(partner);
    }

    private ApiKey find(String presented) {
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        ApiKey match = null;
        for (ApiKey k : keys) {
            // Look at every key so the time taken does not tell how many characters matched.
            if (MessageDigest.isEqual(given, k.key().getBytes(StandardCharsets.UTF_8))) {
                match = k;
            }
        }
        return match;
    }

    /** No partner holds the key presented. Carries nothing of the key. */
    public static final class UnknownKey extends RuntimeException {
        UnknownKey() {
            super("unknown API key", null, false, false);
        }
    }
}
