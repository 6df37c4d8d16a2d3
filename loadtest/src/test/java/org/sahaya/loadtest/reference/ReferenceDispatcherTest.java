package org.sahaya.loadtest.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.alert.AlertType;
import org.sahaya.loadtest.run.Endpoint;
import org.sahaya.loadtest.city.map.CityMap;
import org.sahaya.loadtest.city.PartnerTargets;

/**
 * The reference dispatcher against the local PostgreSQL with PostGIS (installed by
 * {@code bench/setup-postgis}); skipped where PostGIS is not there.
 */
class ReferenceDispatcherTest {

    private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/test";

    private final CityMap city = new CityMap(List.of(
            new CityMap.UnitAt("AMB-001", 12.97, 77.59, "ALS"),
            new CityMap.UnitAt("AMB-002", 12.93, 77.62, "BLS"),
            new CityMap.UnitAt("AMB-003", 13.03, 77.54, "BLS")),
            List.of(new CityMap.HospitalBoard("H-01", new JsonObject().put("ER", 4))));
    private Vertx vertx;
    private WebClient client;
    private ReferenceDispatcher dispatcher;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(postgisAvailable(), "PostgreSQL with PostGIS on 127.0.0.1:5432 (bench/setup-postgis)");
        dispatcher = ReferenceDispatcher.start(ADMIN, "postgres", city, Duration.ZERO);
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        if (dispatcher != null) {
            dispatcher.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void concurrentEmergenciesTakeDistinctUnitsAndTheRestQueue() throws Exception {
        List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            answers.add(alert("demo-000" + i, "a-" + i, AlertType.FALL));
        }
        Future.all(answers).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        List<String> statuses = answers.stream().map(a -> a.result().bodyAsJsonObject().getString("status")).toList();
        assertThat(answers).allSatisfy(a -> assertThat(a.result().statusCode()).isEqualTo(202));
        assertThat(statuses).filteredOn("DISPATCHED"::equals).hasSize(3);
        assertThat(statuses).filteredOn("QUEUED"::equals).hasSize(2);
        assertThat(query("SELECT count(DISTINCT unit_id) FROM incidents WHERE unit_id IS NOT NULL")).isEqualTo(3);
    }

    @Test
    void afterTheJobTimeAUnitClosesItsIncidentAndTakesTheOldestQueuedOne() throws Exception {
        dispatcher.close();
        dispatcher = ReferenceDispatcher.start(ADMIN, "postgres", city, Duration.ofMillis(300));
        for (int i = 1; i <= 4; i++) {   // three units: the fourth queues
            alert("demo-000" + i, "j-" + i, AlertType.SOS).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> query("SELECT count(*) FROM incidents WHERE state = 'CLOSED'") == 4);
        assertThat(query("SELECT count(*) FROM incidents WHERE unit_id IS NULL")).isZero();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> query("SELECT count(*) FROM units WHERE available AND incident_id IS NULL") == 3);
    }

    @Test
    void aResentAlertAnswersTheSameIncident() throws Exception {
        JsonObject first = alert("demo-0001", "same", AlertType.SOS).toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS).bodyAsJsonObject();
        JsonObject again = alert("demo-0001", "same", AlertType.SOS).toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS).bodyAsJsonObject();

        assertThat(again.getString("incidentId")).isEqualTo(first.getString("incidentId"));
        assertThat(query("SELECT count(*) FROM incidents")).isEqualTo(1);
    }

    @Test
    void routineTrafficIsStoredAndABadSignatureIsRefused() throws Exception {
        PartnerTargets partners = new PartnerTargets(client, dispatcher.endpoint(), city, 3, java.time.Duration.ofSeconds(10));

        assertThat(partners.heartbeats().send(0).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)).isEqualTo(204);
        assertThat(partners.positions().send(1).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(partners.beds().send(0).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(query("SELECT count(*) FROM devices")).isEqualTo(1);
        int refused = client.post(dispatcher.endpoint().port(), "127.0.0.1", "/api/v1/alerts")
                .putHeader("X-Device-Id", "demo-0001").putHeader("X-Timestamp", Long.toString(System.currentTimeMillis()))
                .putHeader("X-Signature", "00".repeat(32))
                .sendBuffer(Buffer.buffer("{\"deviceId\":\"demo-0001\",\"alertId\":\"x\",\"type\":\"FALL\"}"))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).statusCode();
        assertThat(refused).isEqualTo(401);
        assertThat(query("SELECT count(*) FROM alerts")).isZero();
    }

    private Future<HttpResponse<Buffer>> alert(String device, String alertId, AlertType type) {
        Endpoint at = dispatcher.endpoint();
        byte[] body = new JsonObject().put("alertId", alertId).put("deviceId", device).put("type", type.name())
                .put("occurredAt", "2026-11-25T06:00:00+05:30").encode().getBytes();
        String ts = Long.toString(System.currentTimeMillis());
        return client.post(at.port(), at.host(), "/api/v1/alerts")
                .putHeader("X-Device-Id", device).putHeader("X-Timestamp", ts)
                .putHeader("X-Signature", org.sahaya.core.subscriber.DeviceSignature.sign(
                        org.sahaya.core.subscriber.Device.demoSecret(device), ts, body))
                .sendBuffer(Buffer.buffer(body));
    }

    private static int query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + ReferenceSchema.DATABASE, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean postgisAvailable() {
        try (Connection c = DriverManager.getConnection(ADMIN, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'")) {
            return rs.next() && rs.getInt(1) > 0;
        } catch (SQLException e) {
            return false;
        }
    }
}
