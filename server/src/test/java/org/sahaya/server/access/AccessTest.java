package org.sahaya.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.server.audit.AuditEvent;

/** The gate alone, over a real HTTP server: who gets in, who is told what, and what the audit log hears. */
class AccessTest {

    private static final Caller COORDINATOR = new Caller("asha", Caller.Kind.PERSON, Set.of(Role.COORDINATOR), null,
            "127.0.0.1");
    private static final Caller FLEET = new Caller("FLEET-1", Caller.Kind.PARTNER, Set.of(Role.FLEET), "FLEET-1",
            "127.0.0.1");

    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private HttpServer server;
    private Access access;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        access = new Access(
                (token, address) -> Future.succeededFuture(token.equals("session-of-asha")
                        ? Optional.of(COORDINATOR) : Optional.empty()),
                (key, address) -> Future.succeededFuture(key.equals("key-of-fleet-1")
                        ? Optional.of(FLEET) : Optional.empty()),
                audited::add, new FailureThrottle(5, Duration.ofMinutes(1), Clock.systemUTC()), Clock.systemUTC());
        Router router = Router.router(vertx);
        router.post("/api/v1/incidents/:id/close").handler(access.require("closeIncident", Role.COORDINATOR))
                .handler(ctx -> ctx.response().end("closed by " + Access.caller(ctx).name()));
        server = vertx.createHttpServer().requestHandler(router).listen(0).await();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void noCredentialsIs401AndNamesHowToLogIn() throws Exception {
        HttpResponse<String> r = close(Map.of());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(r.body()).contains("urn:sahaya:problem:unauthenticated").contains("POST /api/v1/session");
        assertThat(audited).isEmpty();
    }

    @Test
    void aSessionByHeaderOrCookieGetsInAndTheRequestIsAuditedUnderThePersonsName() throws Exception {
        HttpResponse<String> byHeader = close(Map.of("Authorization", "Bearer session-of-asha"));
        HttpResponse<String> byCookie = close(Map.of("Cookie", Access.SESSION_COOKIE + "=session-of-asha"));

        assertThat(byHeader.statusCode()).isEqualTo(200);
        assertThat(byHeader.body()).isEqualTo("closed by asha");
        assertThat(byCookie.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(audited).hasSize(2));
        assertThat(audited).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("asha");
            assertThat(e.role()).isEqualTo("coordinator");
            assertThat(e.action()).isEqualTo("closeIncident");
            assertThat(e.record()).isEqualTo("incidents/INC-1/close");
            assertThat(e.outcome()).isEqualTo("ok");
            assertThat(e.address()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void aKnownCallerWithoutTheRoleIs403AndTheRefusalIsAudited() throws Exception {
        HttpResponse<String> r = close(Map.of(Access.API_KEY_HEADER, "key-of-fleet-1"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("urn:sahaya:problem:forbidden").contains("coordinator");
        assertThat(audited).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("FLEET-1");
            assertThat(e.outcome()).isEqualTo("denied");
        });
    }

    @Test
    void unknownKeysAre401UntilTheAddressHasFailedTooOftenThen429BeforeAnyCheckButASessionStillGetsIn() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = close(Map.of(Access.API_KEY_HEADER, "guess-" + i));
            assertThat(r.statusCode()).as("guess %d", i).isEqualTo(401);
        }
        HttpResponse<String> sixth = close(Map.of(Access.API_KEY_HEADER, "guess-6"));
        HttpResponse<String> session = close(Map.of("Authorization", "Bearer session-of-asha"));

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        assertThat(session.statusCode()).as("a person's session is not held back by guessed keys").isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(audited).hasSize(6));
        assertThat(audited.subList(0, 5)).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("anonymous");
            assertThat(e.outcome()).isEqualTo("unknown-key");
        });
    }

    @Test
    void thePolicyNamesEveryGatedOperationAndThoseWithTheirOwnCredential() {
        access.own("postAlert", "the device's signature");

        assertThat(access.policy()).containsEntry("closeIncident", Set.of(Role.COORDINATOR));
        assertThat(access.ownCredentials()).containsEntry("postAlert", "the device's signature");
    }

    private HttpResponse<String> close(Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort()
                + "/api/v1/incidents/INC-1/close")).POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
