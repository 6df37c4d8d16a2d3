package org.sahaya.server.access.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.config.LoginSettings;
import org.sahaya.core.node.Offload;
import org.sahaya.core.totp.Totp;
import org.sahaya.server.Node;
import org.sahaya.server.Staff;
import org.sahaya.server.TestNode;
import org.sahaya.server.access.Caller;
import org.sahaya.server.access.FailureThrottle;
import org.sahaya.server.access.Role;
import org.sahaya.server.audit.AuditEvent;

/**
 * Login and logout over real HTTP against a demo node: a session token and cookie that the session
 * lookup knows, one answer for every refusal, a code used once, logout, and the audit of each attempt.
 */
class SessionApiTest {

    @TempDir
    static Path data;
    static Node node;
    static Offload offload;
    static Sessions lookup;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        // Failures are throttled in ThrottleTest; here every refusal must be a refusal, not a 429.
        node = Node.start(TestNode.config(data, true, Map.of("SAHAYA_LOGIN_FAILURES", "1000")), Clock.systemUTC());
        offload = new Offload();
        lookup = sessions(new UserDirectory(node.database(), new DemoUsers(Passwords.owasp(), Instant.now())));
    }

    @AfterAll
    static void stop() {
        offload.close();
        node.close();
    }

    @Test
    void aDemoAdminLogsInAndTheTokenIsTheirSession() {
        Instant before = Instant.now();
        HttpResponse<String> r = Staff.attempt(node, null, "demo-admin", DemoUsers.PASSWORD, code(DemoUsers.TOTP_SECRET));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject body = new JsonObject(r.body());
        String token = body.getString("token");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(body.getJsonArray("roles").getList()).containsExactly("admin");
        assertThat(Instant.parse(body.getString("expiresAt")))
                .isBetween(before.plus(Duration.ofMinutes(15)), Instant.now().plus(Duration.ofMinutes(15)));
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        Optional<Caller> caller = session(token);
        assertThat(caller).hasValueSatisfying(c -> {
            assertThat(c.name()).isEqualTo("demo-admin");
            assertThat(c.kind()).isEqualTo(Caller.Kind.PERSON);
            assertThat(c.roles()).containsExactly(Role.ADMIN);
            assertThat(c.partner()).isNull();
        });
        assertThat(node.grid().hazelcast().getMap(Sessions.MAP).containsKey(token)).as("the grid holds no token").isFalse();
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndForTheWholeSite() {
        HttpResponse<String> r = Staff.attempt(node, null, "demo-auditor", DemoUsers.PASSWORD, code(DemoUsers.TOTP_SECRET));

        assertThat(r.statusCode()).isEqualTo(200);
        String token = new JsonObject(r.body()).getString("token");
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        // Attribute names are case-insensitive (RFC 6265); Netty writes HTTPOnly.
        assertThat(cookie).startsWith("sahaya_session=" + token + ";").containsIgnoringCase("HttpOnly")
                .contains("SameSite=Strict", "Path=/")
                .doesNotContainIgnoringCase("Secure"); // plain HTTP here; over TLS the cookie is Secure
    }

    @Test
    void everyRefusalIsTheSameAnswer() {
        Staff.create(node, "refusal.base", null, Role.COORDINATOR);
        Staff.create(node, "refusal.off", null, Role.COORDINATOR);
        node.database().withConnection(c -> new UserRepository().disable(c, "refusal.off"));
        String good = code(Staff.TOTP_SECRET);
        assertThat(Staff.attempt(node, null, "refusal.base", Staff.PASSWORD, good).statusCode()).isEqualTo(200);

        Map<String, HttpResponse<String>> refusals = new LinkedHashMap<>();
        refusals.put("unknown user", Staff.attempt(node, null, "nobody.here", Staff.PASSWORD, good));
        refusals.put("wrong password", Staff.attempt(node, null, "refusal.base", "not-the-password", good));
        refusals.put("wrong code", Staff.attempt(node, null, "refusal.base", Staff.PASSWORD, wrongCode(Staff.TOTP_SECRET)));
        refusals.put("missing code", Staff.attempt(node, null, "refusal.base", Staff.PASSWORD, null));
        refusals.put("reused code", Staff.attempt(node, null, "refusal.base", Staff.PASSWORD, good));
        refusals.put("disabled", Staff.attempt(node, null, "refusal.off", Staff.PASSWORD, code(Staff.TOTP_SECRET)));
        refusals.put("demo user without code", Staff.attempt(node, null, "demo-supervisor", DemoUsers.PASSWORD, null));

        String first = refusals.get("unknown user").body();
        assertThat(new JsonObject(first).getString("type")).isEqualTo("urn:sahaya:problem:login-failed");
        refusals.forEach((why, r) -> {
            assertThat(r.statusCode()).as(why).isEqualTo(401);
            assertThat(r.body()).as(why).isEqualTo(first);
            assertThat(r.headers().firstValue("Set-Cookie")).as(why).isEmpty();
        });
    }

    @Test
    void aCodeIsAcceptedOnceOnly() {
        String code = code(DemoUsers.TOTP_SECRET);

        HttpResponse<String> first = Staff.attempt(node, null, "demo-coordinator", DemoUsers.PASSWORD, code);
        HttpResponse<String> again = Staff.attempt(node, null, "demo-coordinator", DemoUsers.PASSWORD, code);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(401);
    }

    @Test
    void ofManyAcceptingOneCodeAtOnceExactlyOneGetsThroughAndEarlierStepsNoLonger() throws Exception {
        TotpSteps steps = new TotpSteps(node.grid().hazelcast());
        long step = Totp.step(Instant.now());
        List<java.util.concurrent.Callable<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tries.add(() -> steps.accept("race.user", step));
        }

        long accepted;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            accepted = pool.invokeAll(tries).stream().filter(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).count();
        }

        assertThat(accepted).isEqualTo(1);
        assertThat(steps.accept("race.user", step - 1)).isFalse();
        assertThat(steps.accept("race.user", step + 1)).isTrue();
        assertThat(steps.accept("other.user", step)).isTrue();
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookie() throws Exception {
        Staff.create(node, "logout.bearer", null, Role.SUPERVISOR);
        Staff.create(node, "logout.cookie", null, Role.SUPERVISOR);
        String bearer = Staff.token(node, "logout.bearer", Staff.PASSWORD, Staff.TOTP_SECRET);
        String cookie = Staff.token(node, "logout.cookie", Staff.PASSWORD, Staff.TOTP_SECRET);
        assertThat(session(bearer)).isPresent();
        assertThat(session(cookie)).isPresent();

        HttpResponse<String> byBearer = delete("Authorization", "Bearer " + bearer);
        HttpResponse<String> byCookie = delete("Cookie", "sahaya_session=" + cookie);
        HttpResponse<String> without = delete(null, null);

        for (HttpResponse<String> r : List.of(byBearer, byCookie, without)) {
            assertThat(r.statusCode()).isEqualTo(204);
            assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("sahaya_session=;")
                    .containsIgnoringCase("HttpOnly").contains("Max-Age=0", "SameSite=Strict", "Path=/");
        }
        assertThat(session(bearer)).isEmpty();
        assertThat(session(cookie)).isEmpty();
    }

    @Test
    void staffLogsPeopleInOftenWithoutTrippingTheOneUseRule() {
        String first = Staff.login(node, "demo-supervisor");
        Staff.create(node, "staff.often", null, Role.COORDINATOR);
        String a = Staff.token(node, "staff.often", Staff.PASSWORD, Staff.TOTP_SECRET);
        String b = Staff.token(node, "staff.often", Staff.PASSWORD, Staff.TOTP_SECRET);

        assertThat(Staff.login(node, "demo-supervisor")).isEqualTo(first);
        assertThat(session(first)).hasValueSatisfying(c -> assertThat(c.roles()).containsExactly(Role.SUPERVISOR));
        assertThat(session(a)).isPresent();
        assertThat(session(b)).isPresent();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aPersonDisabledAfterLoggingInLosesTheSession() {
        String token = Staff.createAndLogin(node, "soon.disabled", Role.AUDITOR);
        assertThat(session(token)).isPresent();

        node.database().withConnection(c -> new UserRepository().disable(c, "soon.disabled"));

        assertThat(session(token)).isEmpty();
    }

    @Test
    void aBodyOutsideTheContractIsRefusedBeforeAnyCheck() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"demo-admin\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void everyAttemptIsAuditedUnderTheNameGivenAndNeverWithThePassword() {
        List<AuditEvent> events = new ArrayList<>();
        UserDirectory users = new UserDirectory(node.database(), new DemoUsers(Passwords.owasp(), Instant.now()));
        Logins logins = new Logins(users, Passwords.owasp(), new TotpSteps(node.grid().hazelcast()), sessions(users),
                new FailureThrottle(2, Duration.ofMinutes(5), Clock.systemUTC()),
                new FailureThrottle(100, Duration.ofMinutes(5), Clock.systemUTC()), events::add, Clock.systemUTC());
        Staff.create(node, "audited.person", null, Role.SUPERVISOR);

        logins.attempt("audited.person", "wrong-password-1", null, "10.1.1.1");
        logins.attempt("audited.person", "wrong-password-2", null, "10.1.1.1");
        LoginResult throttled = logins.attempt("audited.person", Staff.PASSWORD, code(Staff.TOTP_SECRET), "10.1.1.1");
        String longName = "x".repeat(100) + "\n";
        logins.attempt(longName, "wrong-password-3", null, "10.1.1.2");
        Staff.create(node, "audited.ok", null, Role.SUPERVISOR);
        LoginResult ok = logins.attempt("audited.ok", Staff.PASSWORD, code(Staff.TOTP_SECRET), "10.1.1.3");
        logins.logout(((LoginResult.LoggedIn) ok).token(), "10.1.1.3");

        assertThat(throttled).isInstanceOf(LoginResult.Throttled.class);
        assertThat(events).extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::outcome, AuditEvent::address)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("session.login", "audited.person", "failed", "10.1.1.1"),
                        org.assertj.core.groups.Tuple.tuple("session.login", "audited.person", "failed", "10.1.1.1"),
                        org.assertj.core.groups.Tuple.tuple("session.login", "audited.person", "throttled", "10.1.1.1"),
                        org.assertj.core.groups.Tuple.tuple("session.login", "x".repeat(64), "failed", "10.1.1.2"),
                        org.assertj.core.groups.Tuple.tuple("session.login", "audited.ok", "ok", "10.1.1.3"),
                        org.assertj.core.groups.Tuple.tuple("session.logout", "audited.ok", "ok", "10.1.1.3"));
        assertThat(events.get(4).role()).isEqualTo("supervisor");
        assertThat(events).allSatisfy(e -> assertThat(e.toString())
                .doesNotContain("wrong-password", Staff.PASSWORD, ((LoginResult.LoggedIn) ok).token()));
    }

    private static Sessions sessions(UserDirectory users) {
        return new Sessions(node.grid().hazelcast(), users, offload, LoginSettings.DEFAULT, Clock.systemUTC(),
                new SecureRandom());
    }

    static String code(String secret) {
        return Totp.code(secret, Totp.step(Instant.now()));
    }

    /** A code no step near now has: wrong, but well formed. */
    static String wrongCode(String secret) {
        long now = Totp.step(Instant.now());
        for (int n = 0; ; n++) {
            String candidate = String.format("%06d", n);
            boolean used = false;
            for (long s = now - 2; s <= now + 2; s++) {
                used |= Totp.code(secret, s).equals(candidate);
            }
            if (!used) {
                return candidate;
            }
        }
    }

    private static Optional<Caller> session(String token) {
        try {
            return lookup.session(token, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> delete(String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri()).DELETE();
        if (header != null) {
            b.header(header, value);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri() {
        return URI.create("http://127.0.0.1:" + node.httpPort() + "/api/v1/session");
    }
}
