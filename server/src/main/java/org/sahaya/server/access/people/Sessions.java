package org.sahaya.server.access.people;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.sahaya.core.config.LoginSettings;
import org.sahaya.core.node.Offload;
import org.sahaya.server.access.Caller;
import org.sahaya.server.access.Role;
import org.sahaya.server.access.SessionLookup;

/**
 * People's sessions, in the grid so that any member knows them. A token is 32 random bytes
 * (base64url); the map is keyed by its SHA-256, so the grid, its backups and a heap dump never hold
 * a token someone could use. An entry ends when idle for {@code SAHAYA_SESSION_IDLE} (Hazelcast's
 * per-entry max-idle, renewed by each lookup) and at the latest {@code SAHAYA_SESSION_MAX} after
 * the login (its time to live). A lookup also ends the session of a person disabled since.
 */
public final class Sessions implements SessionLookup {

    public static final String MAP = "sessions";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final IMap<String, Entry> map;
    private final UserDirectory users;
    private final Offload offload;
    private final LoginSettings settings;
    private final Clock clock;
    private final SecureRandom random;

    /** What the grid holds for a session: who (and the unit a crew is bound to), never the token. */
    record Entry(String username, Set<Role> roles, String partner, Instant since, String unit) implements Serializable {
    }

    /** A session just opened: the token goes to the person once, and is never stored. */
    public record Opened(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Opened[expiresAt=" + expiresAt + "]";
        }
    }

    public Sessions(HazelcastInstance hazelcast, UserDirectory users, Offload offload, LoginSettings settings,
                    Clock clock, SecureRandom random) {
        this.map = hazelcast.getMap(MAP);
        this.users = users;
        this.offload = offload;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /** Opens a session for {@code user}. Blocking (a grid call). */
    public Opened open(User user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        map.set(key(token), new Entry(user.username(), user.roles(), user.partner(), clock.instant(), user.unit()),
                settings.sessionMax().toMillis(), TimeUnit.MILLISECONDS,
                settings.sessionIdle().toMillis(), TimeUnit.MILLISECONDS);
        return new Opened(token, clock.instant().plus(settings.sessionIdle()));
    }

    /** Ends the session of {@code token}; the name of whose it was, if it was one. Blocking. */
    public Optional<String> end(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(map.remove(key(token))).map(Entry::username);
    }

    /** The person behind {@code token}, renewing the session's idle time. */
    @Override
    public Future<Optional<Caller>> session(String token, String address) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Future.succeededFuture(Optional.empty());
        }
        return offload.submit(() -> {
            String key = key(token);
            Entry entry = map.get(key);
            if (entry == null) {
                return Optional.empty();
            }
            if (!users.active(entry.username())) {
                map.delete(key);
                return Optional.empty();
            }
            return Optional.of(new Caller(entry.username(), Caller.Kind.PERSON, entry.roles(), entry.partner(), address,
                    entry.unit()));
        });
    }

    /** How long an idle session lives. */
    public java.time.Duration idle() {
        return settings.sessionIdle();
    }

    static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
