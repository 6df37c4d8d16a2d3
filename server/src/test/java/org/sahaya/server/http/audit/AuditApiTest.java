package org.sahaya.server.http.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.access.Access;
import org.sahaya.server.access.Caller;
import org.sahaya.server.access.FailureThrottle;
import org.sahaya.server.access.Role;
import org.sahaya.server.audit.AuditEvent;
import org.sahaya.server.audit.AuditLog;
import org.sahaya.server.audit.AuditReader;
import org.sahaya.server.audit.AuditVerifier;
import org.sahaya.server.http.HttpApi;
import org.sahaya.server.http.RouteTable;
import org.sahaya.server.http.contract.ContractDocument;

/**
 * {@code GET /api/v1/audit} and {@code /api/v1/audit/verify} over real HTTP, behind the real gate,
 * on a real H2: pages newest first, filters, problems for bad filters, roles, reads audited, and a
 * row changed behind the API named by verify.
 */
class AuditApiTest {

    /** The seeded entries are in January; the gate's own lines are stamped now, far later. */
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String SEEDED = "&to=2026-02-01T00:00:00Z";
    private static final int SEEDS = 30;

    private static Vertx vertx;
    private static Database database;
    private static Offload offload;
    private static AuditLog log;
    private static SimpleMeterRegistry registry;
    private static HttpServer server;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        database = Database.open("jdbc:h2:mem:audit-api-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        offload = new Offload();
        registry = new SimpleMeterRegistry();
        log = AuditLog.start(database, registry);
        // seq 1..30: actors asha and ravi, records subscribers/S-1, subscribers/S-10, incidents/I-n, a minute apart
        for (int i = 0; i < SEEDS; i++) {
            String record = i % 3 == 0 ? "subscribers/S-1" : i % 3 == 1 ? "subscribers/S-10" : "incidents/I-" + i;
            log.record(new AuditEvent(T0.plus(Duration.ofMinutes(i)), i % 2 == 0 ? "asha" : "ravi", "coordinator",
                    "getIncident", record, "10.0.0.9", "ok"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> written() == SEEDS);
        Clock clock = Clock.systemUTC();
        Access access = new Access(AuditApiTest::session, (key, address) -> Future.succeededFuture(Optional.empty()),
                log, new FailureThrottle(1_000, Duration.ofMinutes(1), clock), clock);
        RouteTable audit = new AuditRoutes(access, new AuditHandlers(new AuditReader(database),
                new AuditVerifier(database), offload));
        server = HttpApi.router(vertx, List.of(audit, otherOperations(audit)), 16_384, clock)
                .compose(router -> vertx.createHttpServer().requestHandler(router).listen(0))
                .await(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
        offload.close();
        log.close();
        database.close();
    }

    @Test
    void pagesGoNewestFirstUntilNextIsNullSeeingEveryEntryOnce() {
        List<Long> seqs = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        while (cursor != null) {
            JsonObject page = ok("/api/v1/audit?limit=7" + SEEDED + cursor, "auditor-token");
            page.getJsonArray("entries").forEach(e -> seqs.add(((JsonObject) e).getLong("seq")));
            Long next = page.getLong("next");
            cursor = next == null ? null : "&cursor=" + next;
            pages++;
        }

        assertThat(pages).isEqualTo(5);
        assertThat(seqs).hasSize(SEEDS).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(seqs.getFirst()).isEqualTo(SEEDS);
    }

    @Test
    void anEntryShowsWhoWhatWhichRecordWhenFromWhereHowAndItsHash() {
        JsonObject first = ok("/api/v1/audit?limit=1&cursor=2", "admin-token").getJsonArray("entries").getJsonObject(0);

        assertThat(first.getMap()).containsEntry("seq", 1).containsEntry("at", "2026-01-01T00:00:00Z")
                .containsEntry("actor", "asha").containsEntry("role", "coordinator").containsEntry("action", "getIncident")
                .containsEntry("record", "subscribers/S-1").containsEntry("address", "10.0.0.9")
                .containsEntry("outcome", "ok").containsKey("hash").hasSize(9);
        assertThat(first.getString("hash")).matches("[0-9a-f]{64}");
    }

    @Test
    void actorFiltersExactly() {
        JsonArray entries = ok("/api/v1/audit?actor=asha" + SEEDED, "auditor-token").getJsonArray("entries");

        assertThat(entries).hasSize(15).allMatch(e -> ((JsonObject) e).getString("actor").equals("asha"));
        assertThat(ok("/api/v1/audit?actor=ash" + SEEDED, "auditor-token").getJsonArray("entries")).isEmpty();
    }

    @Test
    void recordFiltersExactlyOrByPrefixWithATrailingStar() {
        assertThat(records("subscribers/S-1")).hasSize(10).containsOnly("subscribers/S-1");
        assertThat(records("subscribers/S-1*")).hasSize(20).containsOnly("subscribers/S-1", "subscribers/S-10");
        assertThat(records("subscribers/*")).hasSize(20);
        assertThat(records("subscribers_S*")).as("_ is no wildcard").isEmpty();
    }

    @Test
    void aFilterHoldingAnEncodedPercentIsAProblemNotAnInternalError() {
        // vertx-openapi decodes query values twice; ContractValidation answers 400 instead of failing.
        HttpResponse<String> r = get("/api/v1/audit?record=%25*", "auditor-token");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getString("type")).isEqualTo("urn:sahaya:problem:invalid-parameter");
    }

    @Test
    void fromIsInclusiveAndToExclusive() {
        JsonArray entries = ok("/api/v1/audit?from=2026-01-01T00:05:00Z&to=2026-01-01T05:40:00%2B05:30", "auditor-token")
                .getJsonArray("entries");

        assertThat(entries).extracting(e -> ((JsonObject) e).getString("at")).containsExactly(
                "2026-01-01T00:09:00Z", "2026-01-01T00:08:00Z", "2026-01-01T00:07:00Z", "2026-01-01T00:06:00Z",
                "2026-01-01T00:05:00Z");
    }

    @Test
    void badFilterValuesAreProblemsNamingTheField() {
        assertProblem("/api/v1/audit?from=yesterday", 400, "from");
        assertProblem("/api/v1/audit?to=2026-13-01T00:00:00Z", 400, "to");
        assertProblem("/api/v1/audit?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", 400, "to");
        assertProblem("/api/v1/audit?limit=0", 400, "limit");
        assertProblem("/api/v1/audit?limit=1001", 400, "limit");
        assertProblem("/api/v1/audit?cursor=abc", 400, "cursor");
        assertProblem("/api/v1/audit?cursor=0", 400, "cursor");
        assertProblem("/api/v1/audit?actor=", 400, "actor");
    }

    @Test
    void onlyAuditorsAndAdminsMayReadTheLog() {
        for (String path : List.of("/api/v1/audit", "/api/v1/audit/verify")) {
            assertThat(get(path, "coordinator-token").statusCode()).isEqualTo(403);
            assertThat(get(path, null).statusCode()).isEqualTo(401);
            assertThat(get(path, "auditor-token").statusCode()).isEqualTo(200);
            assertThat(get(path, "admin-token").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void readingTheLogIsItselfAuditedUnderTheReadersName() {
        ok("/api/v1/audit?record=nothing-here", "auditor-token");
        assertThat(get("/api/v1/audit/verify", "coordinator-token").statusCode()).isEqualTo(403);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonArray audra = ok("/api/v1/audit?actor=audra&limit=1000", "admin-token").getJsonArray("entries");
            assertThat(audra).anySatisfy(e -> assertThat(((JsonObject) e).getMap())
                    .containsEntry("action", "listAudit").containsEntry("role", "auditor")
                    .containsEntry("record", "audit").containsEntry("outcome", "ok"));
            JsonArray cora = ok("/api/v1/audit?actor=cora&limit=1000", "admin-token").getJsonArray("entries");
            assertThat(cora).anySatisfy(e -> assertThat(((JsonObject) e).getMap())
                    .containsEntry("action", "verifyAudit").containsEntry("outcome", "denied"));
        });
    }

    @Test
    void verifyNamesARowChangedBehindTheApiAndIsIntactOnceItIsPutBack() {
        assertThat(ok("/api/v1/audit/verify", "auditor-token").getMap()).containsEntry("intact", true)
                .containsEntry("firstBrokenAt", null);

        execute("UPDATE audit_log SET actor = 'nobody' WHERE seq = 12");
        JsonObject broken = ok("/api/v1/audit/verify", "auditor-token");
        execute("UPDATE audit_log SET actor = 'ravi' WHERE seq = 12");

        assertThat(broken.getMap()).containsEntry("intact", false).containsEntry("firstBrokenAt", 12);
        assertThat(broken.getLong("entries")).isGreaterThanOrEqualTo(SEEDS);
        assertThat(ok("/api/v1/audit/verify", "auditor-token").getBoolean("intact")).isTrue();
    }

    private static List<String> records(String filter) {
        JsonArray entries = ok("/api/v1/audit?limit=1000&record=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)
                + SEEDED, "auditor-token").getJsonArray("entries");
        return entries.stream().map(e -> ((JsonObject) e).getString("record")).toList();
    }

    private static void assertProblem(String path, int status, String field) {
        HttpResponse<String> r = get(path, "auditor-token");
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new JsonObject(r.body()).getString("field")).as(path).isEqualTo(field);
    }

    private static JsonObject ok(String path, String token) {
        HttpResponse<String> r = get(path, token);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private static HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Future<Optional<Caller>> session(String token, String address) {
        Caller caller = switch (token) {
            case "auditor-token" -> new Caller("audra", Caller.Kind.PERSON, Set.of(Role.AUDITOR), null, address);
            case "admin-token" -> new Caller("root", Caller.Kind.PERSON, Set.of(Role.ADMIN), null, address);
            case "coordinator-token" -> new Caller("cora", Caller.Kind.PERSON, Set.of(Role.COORDINATOR), null, address);
            default -> null;
        };
        return Future.succeededFuture(Optional.ofNullable(caller));
    }

    private static double written() {
        return registry.counter("sahaya.audit.written").count();
    }

    private static void execute(String sql) {
        database.withConnection(c -> {
            try (var s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        });
    }

    /** Every other operation of the contract, answering 204: the router needs each one served. */
    private static RouteTable otherOperations(RouteTable served) {
        Map<String, RouteTable.Mount> mounts = new HashMap<>();
        JsonObject paths = ContractDocument.load(ContractDocument.CONTRACT).getJsonObject("paths");
        paths.forEach(path -> ((JsonObject) path.getValue()).forEach(operation -> {
            if (operation.getValue() instanceof JsonObject op && op.containsKey("operationId")
                    && !served.routes().containsKey(op.getString("operationId"))) {
                mounts.put(op.getString("operationId"), (route, validation) -> route.addHandler(validation)
                        .addHandler(ctx -> ctx.response().setStatusCode(204).end()));
            }
        }));
        return () -> mounts;
    }
}
