package org.sahaya.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.Node;
import org.sahaya.server.Staff;
import org.sahaya.server.TestNode;
import org.sahaya.server.delivery.PartnerDelivery.Transport;
import org.sahaya.server.delivery.PartnerPeer.Behaviour;

/**
 * The outbox in a running demo node: the admin sets a fleet's webhook and a hospital's FHIR base URL through
 * the API (bad input refused naming the field, nothing changed; the secret sealed and never answered,
 * the change audited under the admin's name), and a delivery written by a node that stopped before the
 * fleet answered is sent by the node started next on the same data.
 */
class PartnerOutboxNodeTest {

    private static final String SECRET = "fleet-one-webhook-secret-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aDeliveryLeftByANodeThatStoppedIsSentByTheNextNodeOnTheSameData() throws Exception {
        try (PartnerPeer fleet = new PartnerPeer().otherwise(Behaviour.status(503))) {
            PartnerDelivery job;
            try (Node first = TestNode.start(dir, true)) {
                String admin = Staff.login(first, "demo-admin");
                HttpResponse<String> set = call(first, admin, "PUT", "/api/v1/partners/FLEET-1/webhook",
                        new JsonObject().put("url", fleet.url("/sahaya/jobs")).put("secret", SECRET));
                assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
                job = new PartnerDelivery("DLV-" + UUID.randomUUID(), "FLEET-1", Transport.WEBHOOK, "JOB_OFFERED", null,
                        "{\"event\":\"JOB_OFFERED\",\"job\":{\"jobId\":\"JOB-R\"}}", Instant.now());
                first.database().inTransaction(c -> first.partnerOutbox().enqueue(c, job));
                first.partnerOutbox().kick();
                await().atMost(Duration.ofSeconds(10)).until(() -> !fleet.received().isEmpty());
            }
            assertThat(column(dir, job.deliveryId(), "delivered_at")).isNull();

            fleet.otherwise(Behaviour.status(202));
            try (Node second = TestNode.start(dir, true)) {
                await().atMost(Duration.ofSeconds(15)).until(() -> column(second, job.deliveryId(), "delivered_at") != null);
                PartnerPeer.Received last = fleet.received().getLast();
                assertThat(last.header("X-Sahaya-Delivery")).isEqualTo(job.deliveryId());
                assertThat(last.path()).isEqualTo("/sahaya/jobs");
                assertThat(last.signedWith(SECRET)).isTrue();
                String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.managementPort()
                        + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(metrics).contains("sahaya_stage_seconds_count{stage=\"job_handed\"} 1")
                        .contains("sahaya_partner_deliveries_pending");
            }
        }
    }

    @Test
    void anAdminSetsAndRemovesAFleetsWebhookAndAHospitalsFhirBaseUrl() throws Exception {
        try (Node node = TestNode.start(dir, true)) {
            String admin = Staff.login(node, "demo-admin");
            HttpResponse<String> set = call(node, admin, "PUT", "/api/v1/partners/FLEET-2/webhook",
                    new JsonObject().put("url", "https://fleet-two.example/sahaya").put("secret", SECRET));
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            assertThat(set.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(new JsonObject(set.body()).getJsonObject("webhook"))
                    .isEqualTo(new JsonObject().put("url", "https://fleet-two.example/sahaya").put("hasSecret", true));
            assertThat(set.body()).doesNotContain(SECRET);
            String sealed = partnerColumn(node, "FLEET-2", "webhook_secret");
            assertThat(sealed).startsWith("v1:").doesNotContain(SECRET);

            JsonObject listed = new JsonArray(call(node, admin, "GET", "/api/v1/partners", null).body()).stream()
                    .map(JsonObject.class::cast).filter(p -> p.getString("id").equals("FLEET-2")).findFirst().orElseThrow();
            assertThat(listed.getJsonObject("webhook").getString("url")).isEqualTo("https://fleet-two.example/sahaya");
            assertThat(listed.encode()).doesNotContain(SECRET);
            JsonObject fleet = new JsonObject(call(node, admin, "GET", "/api/v1/fleets/FLEET-2", null).body());
            assertThat(fleet.getJsonObject("webhook").getBoolean("hasSecret")).isTrue();

            await().atMost(Duration.ofSeconds(10)).until(() -> call(node, admin, "GET", "/api/v1/audit?actor=demo-admin&record="
                    + URLEncoder.encode("partners/FLEET-2/webhook", StandardCharsets.UTF_8), null).body()
                    .contains("putPartnerWebhook"));

            assertThat(call(node, admin, "DELETE", "/api/v1/partners/FLEET-2/webhook", null).statusCode()).isEqualTo(204);
            assertThat(new JsonObject(call(node, admin, "GET", "/api/v1/fleets/FLEET-2", null).body()).getValue("webhook")).isNull();
            assertThat(partnerColumn(node, "FLEET-2", "webhook_secret")).isNull();
            assertThat(call(node, admin, "PUT", "/api/v1/partners/FLEET-NOPE/webhook", new JsonObject()
                    .put("url", "https://x.example/").put("secret", SECRET)).statusCode()).isEqualTo(404);
            assertThat(call(node, admin, "DELETE", "/api/v1/partners/FLEET-NOPE/webhook", null).statusCode()).isEqualTo(404);

            HttpResponse<String> fhir = call(node, admin, "PUT", "/api/v1/hospitals/H-01",
                    new JsonObject().put("fhirBaseUrl", "https://h01.example/fhir/R4"));
            assertThat(fhir.statusCode()).as(fhir.body()).isEqualTo(200);
            assertThat(new JsonObject(fhir.body()).getString("fhirBaseUrl")).isEqualTo("https://h01.example/fhir/R4");
            HttpResponse<String> other = call(node, admin, "PUT", "/api/v1/hospitals/H-01", new JsonObject().put("phone", "+91 80 1111 2222"));
            assertThat(new JsonObject(other.body()).getString("fhirBaseUrl")).as("kept when not given").isEqualTo("https://h01.example/fhir/R4");
        }
    }

    @Test
    void badEndpointsAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
        try (Node node = TestNode.start(dir, true)) {
            String admin = Staff.login(node, "demo-admin");
            assertThat(call(node, admin, "PUT", "/api/v1/partners/FLEET-3/webhook",
                    new JsonObject().put("url", "https://fleet-three.example/ok").put("secret", SECRET)).statusCode()).isEqualTo(200);
            String before = partnerColumn(node, "FLEET-3", "webhook_url") + partnerColumn(node, "FLEET-3", "webhook_secret");

            refused(node, admin, "/api/v1/partners/FLEET-3/webhook", new JsonObject().put("url", "ftp://fleet.example/x")
                    .put("secret", SECRET), "url");
            refused(node, admin, "/api/v1/partners/FLEET-3/webhook", new JsonObject()
                    .put("url", "https://user:password@fleet.example/x").put("secret", SECRET), "url");
            refused(node, admin, "/api/v1/partners/FLEET-3/webhook", new JsonObject().put("url", "/relative/hook")
                    .put("secret", SECRET), "url");
            refused(node, admin, "/api/v1/partners/FLEET-3/webhook", new JsonObject()
                    .put("url", "https://fleet.example/x").put("secret", "too-short"), "secret");
            refused(node, admin, "/api/v1/partners/FLEET-3/webhook", new JsonObject()
                    .put("url", "https://fleet.example/x").put("secret", "s".repeat(201)), "secret");
            refused(node, admin, "/api/v1/partners/FLEET-3/webhook", new JsonObject().put("url", "https://fleet.example/x"),
                    "secret");
            assertThat(partnerColumn(node, "FLEET-3", "webhook_url") + partnerColumn(node, "FLEET-3", "webhook_secret"))
                    .isEqualTo(before);

            String hospitalBefore = call(node, admin, "GET", "/api/v1/hospitals?limit=1000", null).body();
            refused(node, admin, "/api/v1/hospitals/H-02", new JsonObject().put("fhirBaseUrl", "javascript:alert(1)"),
                    "fhirBaseUrl");
            refused(node, admin, "/api/v1/hospitals/H-02", new JsonObject().put("fhirBaseUrl", "https://u:p@h02.example/fhir"),
                    "fhirBaseUrl");
            assertThat(hospitalColumn(node, "H-02")).isNull();
            assertThat(call(node, admin, "GET", "/api/v1/hospitals?limit=1000", null).body()).isEqualTo(hospitalBefore);

            // the import takes the same field with the same rules
            JsonObject hospital = new JsonObject().put("id", "H-IMPORTED").put("name", "Imported Hospital")
                    .put("position", new JsonObject().put("lat", 12.95).put("lon", 77.6));
            HttpResponse<String> badImport = call(node, admin, "POST", "/api/v1/imports", new JsonObject()
                    .put("format", "sahaya-city/1").put("hospitals", new JsonArray()
                            .add(hospital.copy().put("fhirBaseUrl", "ftp://imported.example/fhir"))));
            assertThat(badImport.statusCode()).as(badImport.body()).isEqualTo(422);
            assertThat(badImport.body()).contains("fhirBaseUrl");
            HttpResponse<String> imported = call(node, admin, "POST", "/api/v1/imports", new JsonObject()
                    .put("format", "sahaya-city/1").put("hospitals", new JsonArray()
                            .add(hospital.copy().put("fhirBaseUrl", "https://imported.example/fhir"))));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            assertThat(hospitalColumn(node, "H-IMPORTED")).isEqualTo("https://imported.example/fhir");
        }
    }

    private static void refused(Node node, String admin, String path, JsonObject body, String field) throws Exception {
        HttpResponse<String> r = call(node, admin, "PUT", path, body);
        assertThat(r.statusCode()).as(r.body()).isIn(400, 422);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(new JsonObject(r.body()).getString("field")).as(r.body()).isEqualTo(field);
        assertThat(r.body()).doesNotContain(SECRET);
    }

    private static HttpResponse<String> call(Node node, String token, String method, String path, JsonObject body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Object column(Node node, String deliveryId, String column) {
        return node.database().withConnection(c -> read(c, deliveryId, column));
    }

    private static Object column(Path dir, String deliveryId, String column) {
        try (var db = org.sahaya.core.persistence.Database.open(TestNode.config(dir, true, java.util.Map.of()).dbUrl(), null, null)) {
            assertThat(read(db, deliveryId, "claimed_by")).as("the stopped node let go of its claim").isNull();
            return read(db, deliveryId, column);
        }
    }

    private static Object read(org.sahaya.core.persistence.Database db, String deliveryId, String column) {
        return db.withConnection(c -> read(c, deliveryId, column));
    }

    private static Object read(java.sql.Connection c, String deliveryId, String column) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM partner_deliveries WHERE delivery_id = ?")) {
            ps.setString(1, deliveryId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getObject(1);
            }
        }
    }

    private static String partnerColumn(Node node, String id, String column) {
        return node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM partners WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    return rs.getString(1);
                }
            }
        });
    }

    private static String hospitalColumn(Node node, String id) {
        return node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT fhir_base_url FROM hospitals WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    return rs.getString(1);
                }
            }
        });
    }
}
