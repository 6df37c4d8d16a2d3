package org.sahaya.server;

import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.sahaya.core.totp.Totp;
import org.sahaya.server.access.Role;
import org.sahaya.server.access.people.DemoUsers;
import org.sahaya.server.access.people.PasswordHash;
import org.sahaya.server.access.people.Passwords;
import org.sahaya.server.access.people.User;
import org.sahaya.server.access.people.UserRepository;

/**
 * Logs people in for tests, as a browser or a script would: {@code POST /api/v1/session} with a
 * password and the current TOTP code, answering the bearer token. Tokens are kept per node and
 * username, and each login uses a TOTP step not used before on that cluster, so that tests logging
 * in often never trip the rule that a code is accepted once (blocking; test threads only).
 */
public final class Staff {

    /** The password of users made by {@link #createAndLogin}. */
    public static final String PASSWORD = "staff-password-for-tests";
    /** Their TOTP secret (base32). */
    public static final String TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<Node, Map<String, String>> TOKENS = new WeakHashMap<>();
    /** The last TOTP step used per cluster and username: the grid remembers it across a cluster's members. */
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();
    private static final Map<String, String> BY_PORT = new ConcurrentHashMap<>();

    private Staff() {
    }

    /** A demo user's bearer token on a demo node ({@code demo-admin}, {@code demo-coordinator}, ...). */
    public static String login(Node node, String username) {
        return cached(node, username, () -> token(node, username, DemoUsers.PASSWORD, DemoUsers.TOTP_SECRET));
    }

    /**
     * The bearer token of the demo crew of {@code unitId} on a demo node ({@code demo-crew-amb-001} for
     * AMB-001): a crew logs in with its password only, no TOTP code (issue 17).
     */
    public static String crew(Node node, String unitId) {
        String username = DemoUsers.crewOf(unitId);
        return cached(node, username, () -> {
            HttpResponse<String> r = attempt(node, null, username, DemoUsers.PASSWORD, null);
            if (r.statusCode() != 200) {
                throw new AssertionError("login of " + username + " -> " + r.statusCode() + " " + r.body());
            }
            return new JsonObject(r.body()).getString("token");
        });
    }

    /**
     * {@code "Bearer <token>"} of a supervisor, who reads incidents, units and hospitals: the demo
     * supervisor on a demo node, {@code test-supervisor} (made here) on any other.
     */
    public static String supervisor(Node node) {
        return "Bearer " + (node.config().demo() ? login(node, "demo-supervisor")
                : createAndLogin(node, "test-supervisor", Role.SUPERVISOR));
    }

    /**
     * A demo user's bearer token on the demo node listening on {@code port} (one in its own JVM),
     * kept per port and username like {@link #login}.
     */
    public static String loginAt(int port, String username) {
        synchronized (BY_PORT) {
            return BY_PORT.computeIfAbsent(port + "/" + username, key -> {
                HttpResponse<String> r = attemptAt(port, username, DemoUsers.PASSWORD,
                        Totp.code(DemoUsers.TOTP_SECRET, nextStep("port:" + key, java.time.Clock.systemUTC())));
                if (r.statusCode() != 200) {
                    throw new AssertionError("login of " + username + " -> " + r.statusCode() + " " + r.body());
                }
                return new JsonObject(r.body()).getString("token");
            });
        }
    }

    /**
     * Forgets the tokens kept for {@code node}: after members die, the sessions the grid kept on them
     * may be gone with them, and people log in again.
     */
    public static void forget(Node node) {
        synchronized (TOKENS) {
            TOKENS.remove(node);
        }
    }

    /** Creates {@code username} with {@code roles} (if not there yet) on any node, and answers its bearer token. */
    public static String createAndLogin(Node node, String username, Role... roles) {
        return createAndLogin(node, username, null, roles);
    }

    /** As {@link #createAndLogin(Node, String, Role...)}, bound to {@code partner} (for FLEET and HOSPITAL). */
    public static String createAndLogin(Node node, String username, String partner, Role... roles) {
        create(node, username, partner, roles);
        return cached(node, username, () -> token(node, username, PASSWORD, TOTP_SECRET));
    }

    /** Creates the user through the repository, with {@link #PASSWORD} and {@link #TOTP_SECRET}, unless it exists. */
    public static void create(Node node, String username, String partner, Role... roles) {
        node.database().inTransaction(c -> {
            UserRepository users = new UserRepository();
            if (!users.exists(c, username)) {
                users.insert(c, new User(username, StaffHash.VALUE, TOTP_SECRET, Set.of(roles), partner, Instant.now(),
                        false, null));
            }
            return null;
        });
    }

    /**
     * Logs in with a code of a step this cluster has not seen for {@code username}: the current one or
     * the next (both accepted), else it waits for the clock to move on. Throws unless 200.
     */
    public static String token(Node node, String username, String password, String secret) {
        HttpResponse<String> r = attempt(node, null, username, password, Totp.code(secret, nextStep(node, username)));
        if (r.statusCode() != 200) {
            throw new AssertionError("login of " + username + " -> " + r.statusCode() + " " + r.body());
        }
        return new JsonObject(r.body()).getString("token");
    }

    /** One {@code POST /api/v1/session}, from {@code from} (a loopback address such as 127.0.0.2) if given. */
    public static HttpResponse<String> attempt(Node node, InetAddress from, String username, String password,
                                               String code) {
        JsonObject body = new JsonObject().put("username", username).put("password", password);
        if (code != null) {
            body.put("totp", code);
        }
        return post(from, node.httpPort(), body);
    }

    private static HttpResponse<String> attemptAt(int port, String username, String password, String code) {
        return post(null, port, new JsonObject().put("username", username).put("password", password).put("totp", code));
    }

    private static HttpResponse<String> post(InetAddress from, int port, JsonObject body) {
        HttpClient client = from == null ? HTTP : HttpClient.newBuilder().localAddress(from).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("login request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static long nextStep(Node node, String username) {
        return nextStep(node.config().clusterName() + "/" + username, node.clock());
    }

    /** A TOTP step on {@code clock} (the node's: a test may have moved it) not yet used for {@code key}. */
    private static long nextStep(String key, java.time.Clock clock) {
        synchronized (LAST_STEP) {
            long now = Totp.step(clock.instant());
            long step = Math.max(now, LAST_STEP.getOrDefault(key, Long.MIN_VALUE) + 1);
            // A step more than one ahead of the clock is refused: wait for the clock to come within one.
            await().atMost(Duration.ofSeconds(35)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Totp.step(clock.instant()) >= step - 1);
            LAST_STEP.put(key, step);
            return step;
        }
    }

    private static String cached(Node node, String username, java.util.function.Supplier<String> login) {
        synchronized (TOKENS) {
            Map<String, String> tokens = TOKENS.computeIfAbsent(node, n -> new ConcurrentHashMap<>());
            return tokens.computeIfAbsent(username, u -> login.get());
        }
    }

    /** One Argon2 hash of {@link #PASSWORD} for every user made here. */
    private static final class StaffHash {
        static final String VALUE = new Passwords(PasswordHash.Cost.OWASP, new java.security.SecureRandom()).hash(PASSWORD);
    }
}
