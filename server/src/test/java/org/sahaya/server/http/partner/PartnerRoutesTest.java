package org.sahaya.server.http.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.sahaya.server.access.partners.PartnerDirectory;
import org.sahaya.server.access.partners.PartnerRepository;
import org.sahaya.server.audit.AuditEvent;
import org.sahaya.server.demo.DemoCity;
import org.sahaya.server.demo.DemoPartners;
import org.sahaya.server.demo.DemoSeeder;
import org.sahaya.server.http.HttpApi;
import org.sahaya.server.http.RouteTable;
import org.sahaya.server.http.contract.ContractDocument;

/**
 * The admin's partner operations over real HTTP on the contract's router, behind the Access gate:
 * a new key is shown once and never listed; a rotation refuses the old key at once; only an admin
 * may do any of it. The demo city is the data.
 */
class PartnerRoutesTest {

    private static final String ADMIN = "admin-token";
    private static final String COORDINATOR = "coordinator-token";

    static Database db;
    static Offload offload;
    static HazelcastInstance grid;
    static Vertx vertx;
    static HttpServer server;
    static final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        db = Database.open("jdbc:h2:mem:partner-routes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new DemoSeeder(org.sahaya.server.TestNode.secrets()).seedIfEmpty(db, DemoCity.generate(DemoCity.DEFAULT_SEED));
        offload = new Offload();
        grid = com.hazelcast.core.Hazelcast.newHazelcastInstance(loneMember());
        PartnerDirectory directory = PartnerDirectory.open(db, grid, offload, Clock.systemUTC(), List.of(),
                DemoPartners.ids());
        Access access = new Access((token, address) -> Future.succeededFuture(Optional.ofNullable(switch (token) {
            case ADMIN -> new Caller("ada", Caller.Kind.PERSON, Set.of(Role.ADMIN), null, address);
            case COORDINATOR -> new Caller("cora", Caller.Kind.PERSON, Set.of(Role.COORDINATOR), null, address);
            default -> null;
        })), directory, audit::add, new FailureThrottle(1000, Duration.ofMinutes(1), Clock.systemUTC()), Clock.systemUTC());
        vertx = Vertx.vertx();
        RouteTable partners = new PartnerRoutes(access, new PartnerHandlers(directory,
                new org.sahaya.server.delivery.PartnerWebhooks(db, org.sahaya.server.TestNode.secrets()), offload), new RosterHandlers(db, offload));
        Map<String, RouteTable.Mount> rest = otherOperations(partners.routes().keySet());
        server = HttpApi.router(vertx, List.of(partners, () -> rest), 16_384, Clock.systemUTC())
                .compose(router -> vertx.createHttpServer().requestHandler(router).listen(0))
                .await(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
        grid.shutdown();
        offload.close();
        db.close();
    }

    @Test
    void anAdminCreatesAFleetAndSeesItsKeyOnceNeverInTheList() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/partners", bearer(ADMIN),
                new JsonObject().put("id", "FLEET-4").put("kind", "FLEET").put("name", "Silk Board Riders"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");
        JsonObject issued = new JsonObject(created.body());
        String key = issued.getString("key");
        assertThat(issued.getString("id")).isEqualTo("FLEET-4");
        assertThat(issued.getString("kind")).isEqualTo("FLEET");
        assertThat(key).hasSize(43);

        HttpResponse<String> list = send("GET", "/api/v1/partners", bearer(ADMIN), null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(key).doesNotContain(org.sahaya.server.access.partners.MachineKeys.hash(key))
                .doesNotContain("\"key\"");
        JsonArray partners = new JsonArray(list.body());
        assertThat(partners.stream().map(p -> ((JsonObject) p).getString("id"))).contains("FLEET-1", "FLEET-4", "H-01");
        // the new key works at once: the fleet lists its (no) units
        HttpResponse<String> units = send("GET", "/api/v1/units", apiKey(key), null);
        assertThat(units.statusCode()).isEqualTo(200);
        assertThat(new JsonArray(units.body())).isEmpty();
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("ada");
            assertThat(e.action()).isEqualTo("createPartner");
            assertThat(e.outcome()).isEqualTo("ok");
        });
    }

    @Test
    void aRotationRefusesTheOldKeyAtOnce() throws Exception {
        String old = new JsonObject(send("POST", "/api/v1/partners/FLEET-2/key", bearer(ADMIN), null).body()).getString("key");
        assertThat(send("GET", "/api/v1/units", apiKey(old), null).statusCode()).isEqualTo(200);

        HttpResponse<String> rotated = send("POST", "/api/v1/partners/FLEET-2/key", bearer(ADMIN), null);

        assertThat(rotated.statusCode()).isEqualTo(200);
        JsonObject body = new JsonObject(rotated.body());
        assertThat(body.getString("id")).isEqualTo("FLEET-2");
        assertThat(body.getString("createdAt")).isNotBlank();
        assertThat(send("GET", "/api/v1/units", apiKey(old), null).statusCode()).isEqualTo(401);
        HttpResponse<String> units = send("GET", "/api/v1/units", apiKey(body.getString("key")), null);
        assertThat(units.statusCode()).isEqualTo(200);
        assertThat(new JsonArray(units.body()).stream().map(u -> ((JsonObject) u).getString("partner"))).containsOnly("FLEET-2");
    }

    @Test
    void refusedCreationsSayWhyAndCreateNothing() throws Exception {
        HttpResponse<String> taken = send("POST", "/api/v1/partners", bearer(ADMIN),
                new JsonObject().put("id", "FLEET-1").put("kind", "FLEET").put("name", "Again"));
        HttpResponse<String> hospital = send("POST", "/api/v1/partners", bearer(ADMIN),
                new JsonObject().put("id", "H-99").put("kind", "HOSPITAL").put("name", "Nowhere"));
        HttpResponse<String> badId = send("POST", "/api/v1/partners", bearer(ADMIN),
                new JsonObject().put("id", "FLEET 7/x").put("kind", "FLEET").put("name", "Spaces"));
        HttpResponse<String> unknown = send("POST", "/api/v1/partners/FLEET-404/key", bearer(ADMIN), null);

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(taken.body()).getString("type")).isEqualTo("urn:sahaya:problem:partner-exists");
        assertThat(hospital.statusCode()).isEqualTo(422);
        assertThat(new JsonObject(hospital.body()).getString("type")).isEqualTo("urn:sahaya:problem:hospital-not-found");
        assertThat(badId.statusCode()).isEqualTo(422);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(stored("H-99")).isEmpty();
        assertThat(db.withConnection(c -> new PartnerRepository().find(c, "FLEET-1")).orElseThrow().partner().name())
                .isEqualTo("Namma Ambulance");
    }

    @Test
    void onlyAnAdminManagesPartners() throws Exception {
        JsonObject fleet = new JsonObject().put("id", "FLEET-5").put("kind", "FLEET").put("name", "Not allowed");

        assertThat(send("POST", "/api/v1/partners", apiKey("demo-key-FLEET-1"), fleet).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/partners", bearer(COORDINATOR), fleet).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/partners", Map.of(), fleet).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/partners/FLEET-1/key", apiKey("demo-key-FLEET-1"), null).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/partners", apiKey("demo-key-H-01"), null).statusCode()).isEqualTo(403);
        assertThat(stored("FLEET-5")).isEmpty();
        // the demo key was not rotated away
        assertThat(send("GET", "/api/v1/units", apiKey("demo-key-FLEET-1"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void peopleListEveryUnitWithItsFleet() throws Exception {
        JsonArray units = new JsonArray(send("GET", "/api/v1/units?limit=1000", bearer(COORDINATOR), null).body());
        JsonArray hospitals = new JsonArray(send("GET", "/api/v1/hospitals", bearer(COORDINATOR), null).body());

        assertThat(units).hasSize(DemoCity.generate(DemoCity.DEFAULT_SEED).units().size());
        assertThat(units.stream().map(u -> ((JsonObject) u).getString("partner"))).containsOnly("FLEET-1", "FLEET-2", "FLEET-3");
        assertThat(hospitals.getJsonObject(0).getString("partner")).isEqualTo("H-01");
        assertThat(hospitals.getJsonObject(0).getString("name")).isNotBlank();
    }

    private static Optional<PartnerRepository.Stored> stored(String id) {
        return db.withConnection(c -> new PartnerRepository().find(c, id));
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static Map<String, String> apiKey(String key) {
        return Map.of("X-Api-Key", key);
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> headers, JsonObject body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every other operation of the contract, answering 204: this test is about the partner table only. */
    private static Map<String, RouteTable.Mount> otherOperations(Set<String> served) {
        Map<String, RouteTable.Mount> mounts = new HashMap<>();
        JsonObject paths = ContractDocument.load(ContractDocument.CONTRACT).getJsonObject("paths");
        paths.forEach(path -> ((JsonObject) path.getValue()).forEach(operation -> {
            if (operation.getValue() instanceof JsonObject op && op.containsKey("operationId")
                    && !served.contains(op.getString("operationId"))) {
                mounts.put(op.getString("operationId"), (route, validation) -> route.addHandler(validation)
                        .addHandler(ctx -> ctx.response().setStatusCode(204).end()));
            }
        }));
        return mounts;
    }

    private static com.hazelcast.config.Config loneMember() {
        com.hazelcast.config.Config config = new com.hazelcast.config.Config();
        config.setClusterName("partner-routes-" + UUID.randomUUID());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.getNetworkConfig().setPort(5921).setPortAutoIncrement(true).setPortCount(50);
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        return config;
    }
}
