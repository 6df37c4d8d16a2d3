package org.sahaya.server.access.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.server.access.people.SessionApiTest.code;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.node.Offload;
import org.sahaya.server.Node;
import org.sahaya.server.Staff;
import org.sahaya.server.TestNode;

/**
 * Sessions end when left idle (SAHAYA_SESSION_IDLE, here 2 s), live on while used, and end at
 * SAHAYA_SESSION_MAX (here 8 s) after the login however much they are used.
 */
class SessionExpiryTest {

    @TempDir
    static Path data;
    static Node node;
    static Offload offload;
    static Sessions lookup;

    @BeforeAll
    static void start() throws Exception {
        node = Node.start(TestNode.config(data, true, Map.of("SAHAYA_SESSION_IDLE", "PT2S", "SAHAYA_SESSION_MAX", "PT8S")),
                Clock.systemUTC());
        offload = new Offload();
        lookup = new Sessions(node.grid().hazelcast(),
                new UserDirectory(node.database(), new DemoUsers(Passwords.owasp(), Instant.now())), offload,
                node.config().logins(), Clock.systemUTC(), new SecureRandom());
    }

    @AfterAll
    static void stop() {
        offload.close();
        node.close();
    }

    @Test
    void anIdleSessionEnds() {
        String token = login("demo-admin");
        assertThat(alive(token)).isTrue();

        await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofMillis(2500)).pollInterval(Duration.ofMillis(500))
                .until(() -> !alive(token));
    }

    @Test
    void aSessionInUseLivesOnUntilItsMaximumAge() {
        Instant loggedIn = Instant.now();
        String token = login("demo-supervisor");

        // Used every half second: alive well past the idle time...
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> alive(token));
        // ...and gone at its maximum age all the same.
        await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(500)).until(() -> !alive(token));
        assertThat(Duration.between(loggedIn, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    }

    private static String login(String username) {
        var r = Staff.attempt(node, null, username, DemoUsers.PASSWORD, code(DemoUsers.TOTP_SECRET));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject body = new JsonObject(r.body());
        assertThat(Instant.parse(body.getString("expiresAt"))).isBefore(Instant.now().plusSeconds(3));
        return body.getString("token");
    }

    private static boolean alive(String token) {
        try {
            return lookup.session(token, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .isPresent();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
