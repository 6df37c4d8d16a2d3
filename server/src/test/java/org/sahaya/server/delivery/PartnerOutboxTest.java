package org.sahaya.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.metrics.Stage;
import org.sahaya.core.metrics.StageTimers;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.retry.Backoff;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.server.CapturedLog;
import org.sahaya.server.TestNode;
import org.sahaya.server.delivery.PartnerDelivery.Transport;
import org.sahaya.server.delivery.PartnerPeer.Behaviour;

/**
 * The outbox against real HTTP peers (the JDK's server on port 0) and a real database: signed deliveries,
 * retries after errors and silences with the same delivery id, one partner's lane never holding up
 * another's, a partner's order kept, rows waiting for an address, and giving up. Timings are short here
 * (an attempt may take 1 s, the first retry comes after 200 ms); the node's are DeliveryTimings.standard.
 */
class PartnerOutboxTest {

    private static final String SECRET = "a-fleet-webhook-secret-of-some-length";

    @TempDir
    static Path dir;
    static Database db;
    static final SecretBox SECRETS = TestNode.secrets();
    static String incidentId;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private DeliverySender sender;
    private JdbcPartnerOutbox outbox;
    private final List<PartnerPeer> peers = new java.util.ArrayList<>();

    @BeforeAll
    static void open() {
        db = Database.open("jdbc:h2:file:" + dir.resolve("outbox"), null, null);
        incidentId = "INC-OUTBOX-1";
        db.inTransaction(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("INSERT INTO subscribers (id, name, home_lat, home_lon, language) VALUES ('S-OUTBOX', 'Test',"
                        + " 12.9, 77.6, 'en')");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO incidents (id, subscriber_id, alert_type, priority,"
                    + " triage_action, state, lat, lon, opened_at, updated_at) VALUES (?, 'S-OUTBOX', 'FALL', 'P1',"
                    + " 'DISPATCH_NOW', 'DISPATCHED', 12.9, 77.6, ?, ?)")) {
                ps.setString(1, incidentId);
                ps.setObject(2, java.time.OffsetDateTime.now());
                ps.setObject(3, java.time.OffsetDateTime.now());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.close();
        }
        peers.forEach(PartnerPeer::close);
    }

    private void start(Duration giveUp) {
        DeliveryTimings timings = new DeliveryTimings(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofMillis(200), new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), 2.0), giveUp);
        sender = new DeliverySender(db, SECRETS, "member-" + UUID.randomUUID(), Clock.systemUTC(), timings, registry,
                new StageTimers(registry));
        outbox = new JdbcPartnerOutbox(Clock.systemUTC(), sender);
        sender.start();
    }

    private PartnerPeer peer() throws Exception {
        PartnerPeer peer = new PartnerPeer();
        peers.add(peer);
        return peer;
    }

    /** A new fleet partner with its webhook at {@code url} (null: none). */
    private String fleet(String url) {
        String id = "FLEET-T" + UUID.randomUUID().toString().substring(0, 8);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO partners (id, kind, name) VALUES (?, 'FLEET', ?)")) {
                ps.setString(1, id);
                ps.setString(2, "Fleet " + id);
                return ps.executeUpdate();
            }
        });
        if (url != null) {
            new PartnerWebhooks(db, SECRETS).set(id, url, SECRET);
        }
        return id;
    }

    private PartnerDelivery job(String partner, String kind) {
        String deliveryId = "DLV-" + UUID.randomUUID();
        return new PartnerDelivery(deliveryId, partner, Transport.WEBHOOK, kind, incidentId,
                "{\"event\":\"" + kind + "\",\"deliveryId\":\"" + deliveryId + "\",\"job\":{\"jobId\":\"JOB-1\"}}",
                Instant.now());
    }

    private boolean enqueue(PartnerDelivery d) {
        boolean fresh = db.inTransaction(c -> outbox.enqueue(c, d));
        outbox.kick();
        return fresh;
    }

    private static Map<String, Object> row(String deliveryId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM partner_deliveries WHERE delivery_id = ?")) {
                ps.setString(1, deliveryId);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    Map<String, Object> out = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        out.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
                    }
                    return out;
                }
            }
        });
    }

    private static boolean delivered(PartnerDelivery d) {
        return row(d.deliveryId()).get("delivered_at") != null;
    }

    @Test
    void aJobIsDeliveredOnceSignedWithTheFleetsSecret() throws Exception {
        start(Duration.ofHours(24));
        PartnerPeer peer = peer();
        String fleet = fleet(peer.url("/hooks/sahaya"));
        PartnerDelivery job = job(fleet, "JOB_OFFERED");

        assertThat(enqueue(job)).isTrue();
        assertThat(enqueue(job)).as("the same delivery id again is ignored").isFalse();

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered(job));
        assertThat(peer.received()).hasSize(1);
        PartnerPeer.Received r = peer.received().getFirst();
        assertThat(r.path()).isEqualTo("/hooks/sahaya");
        assertThat(r.body()).isEqualTo(job.body());
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("X-Sahaya-Delivery")).isEqualTo(job.deliveryId());
        assertThat(r.header("X-Sahaya-Event")).isEqualTo("JOB_OFFERED");
        assertThat(Long.parseLong(r.header("X-Sahaya-Timestamp"))).isCloseTo(System.currentTimeMillis(),
                org.assertj.core.data.Offset.offset(60_000L));
        assertThat(r.signedWith(SECRET)).as("signature over timestamp + \\n + body").isTrue();
        assertThat(r.signedWith("another-secret-entirely")).isFalse();
        Map<String, Object> row = row(job.deliveryId());
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("last_status")).isEqualTo(200);
        assertThat(row.get("claimed_by")).isNull();
        // the benchmark's stage: dispatch decided -> job handed to the fleet's webhook
        assertThat(registry.get(StageTimers.NAME).tag("stage", Stage.JOB_HANDED.tag()).timer().count()).isEqualTo(1);
        assertThat(registry.get(DeliveryMetrics.HANDED).tag("kind", "JOB_OFFERED").timer().count()).isEqualTo(1);
        assertThat(registry.get(DeliveryMetrics.ATTEMPTS).tag("partner", "fleet").counter().count()).isEqualTo(1);
    }

    @Test
    void aDeliveryIsRetriedAfterA500WithTheSameDeliveryId() throws Exception {
        start(Duration.ofHours(24));
        PartnerPeer peer = peer().then(Behaviour.status(500));
        PartnerDelivery job = job(fleet(peer.url("/")), "JOB_OFFERED");

        enqueue(job);

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered(job));
        assertThat(peer.deliveries()).containsExactly(job.deliveryId(), job.deliveryId());
        assertThat(peer.received()).allSatisfy(r -> assertThat(r.signedWith(SECRET)).isTrue());
        Map<String, Object> row = row(job.deliveryId());
        assertThat(row.get("attempts")).isEqualTo(2);
        assertThat(row.get("last_status")).isEqualTo(200);
        assertThat(registry.get(DeliveryMetrics.FAILURES).tag("partner", "fleet").counter().count()).isEqualTo(1);
    }

    @Test
    void aDeliveryIsRetriedAfterThePartnerStaysSilentTooLong() throws Exception {
        start(Duration.ofHours(24));
        PartnerPeer peer = peer().then(Behaviour.silentFor(4_000));
        PartnerDelivery job = job(fleet(peer.url("/")), "JOB_OFFERED");

        enqueue(job);

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered(job));
        assertThat(peer.deliveries()).containsExactly(job.deliveryId(), job.deliveryId());
        assertThat(row(job.deliveryId()).get("attempts")).isEqualTo(2);
    }

    @Test
    void aFleetWhoseEndpointIsDownDelaysNoOtherFleet() throws Exception {
        start(Duration.ofHours(24));
        PartnerPeer down = peer().otherwise(Behaviour.silentFor(4_000));
        PartnerPeer up = peer();
        String a = fleet(down.url("/"));
        String b = fleet(up.url("/"));
        PartnerDelivery a1 = job(a, "JOB_OFFERED");
        PartnerDelivery a2 = job(a, "JOB_WITHDRAWN");
        enqueue(a1);
        enqueue(a2);
        await().atMost(Duration.ofSeconds(5)).until(() -> !down.received().isEmpty());
        PartnerDelivery b1 = job(b, "JOB_OFFERED");
        PartnerDelivery b2 = job(b, "JOB_WITHDRAWN");
        enqueue(b1);
        enqueue(b2);

        await().atMost(Duration.ofSeconds(5)).until(() -> delivered(b1) && delivered(b2));
        assertThat(up.deliveries()).containsExactly(b1.deliveryId(), b2.deliveryId());
        assertThat(delivered(a1)).isFalse();
        // A's withdrawal never overtakes its offer: only the offer was ever tried
        await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) row(a1.deliveryId()).get("attempts")).intValue() >= 1);
        assertThat(down.deliveries()).containsOnly(a1.deliveryId());
        assertThat(row(a2.deliveryId()).get("attempts")).isEqualTo(0);
        assertThat((String) row(a1.deliveryId()).get("last_error")).contains("no answer within");
    }

    @Test
    void aPartnersDeliveriesGoOutInTheOrderTheyWereWrittenEvenAcrossRetries() throws Exception {
        start(Duration.ofHours(24));
        PartnerPeer peer = peer().then(Behaviour.status(503), Behaviour.status(200), Behaviour.status(502));
        String fleet = fleet(peer.url("/"));
        List<PartnerDelivery> jobs = List.of(job(fleet, "JOB_OFFERED"), job(fleet, "JOB_UPDATED"),
                job(fleet, "JOB_UPDATED"), job(fleet, "JOB_WITHDRAWN"));
        jobs.forEach(this::enqueue);

        await().atMost(Duration.ofSeconds(10)).until(() -> jobs.stream().allMatch(PartnerOutboxTest::delivered));
        // 503 to the offer, 200 to its retry, 502 to the first update: each retried before the next goes
        assertThat(peer.deliveries()).containsExactly(jobs.get(0).deliveryId(), jobs.get(0).deliveryId(),
                jobs.get(1).deliveryId(), jobs.get(1).deliveryId(), jobs.get(2).deliveryId(), jobs.get(3).deliveryId());
    }

    @Test
    void aPartnerWithoutAWebhookWaitsAndGetsItsDeliveriesOnceItHasOne() throws Exception {
        start(Duration.ofHours(24));
        String fleet = fleet(null);
        PartnerDelivery job = job(fleet, "JOB_OFFERED");
        enqueue(job);

        await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) row(job.deliveryId()).get("attempts")).intValue() >= 2);
        assertThat(row(job.deliveryId()).get("last_error")).isEqualTo("no webhook URL set");
        assertThat(delivered(job)).isFalse();

        PartnerPeer peer = peer();
        new PartnerWebhooks(db, SECRETS).set(fleet, peer.url("/late"), SECRET);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered(job));
        assertThat(peer.deliveries()).containsExactly(job.deliveryId());
    }

    @Test
    void aDeliveryNeverAnsweredIsGivenUpWithAnErrorAndALineOnTheIncident() throws Exception {
        start(Duration.ofSeconds(1));
        PartnerPeer peer = peer().otherwise(Behaviour.status(503));
        String fleet = fleet(peer.url("/"));
        PartnerDelivery job = job(fleet, "JOB_OFFERED");
        try (CapturedLog log = new CapturedLog()) {
            enqueue(job);

            await().atMost(Duration.ofSeconds(10)).until(() -> row(job.deliveryId()).get("given_up_at") != null);
            assertThat(log.text()).containsPattern("ERROR .*" + job.deliveryId() + ".*" + fleet + ".*HTTP 503");
            assertThat(log.text()).doesNotContain(SECRET).doesNotContain(job.body()).doesNotContain(peer.url("/"));
        }
        assertThat(delivered(job)).isFalse();
        assertThat(registry.get(DeliveryMetrics.GIVEN_UP).tag("partner", "fleet").counter().count()).isEqualTo(1);
        List<String> timeline = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT stage, message FROM timeline WHERE incident_id = ?")) {
                ps.setString(1, incidentId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> out = new java.util.ArrayList<>();
                    while (rs.next()) {
                        out.add(rs.getString(1) + " " + rs.getString(2));
                    }
                    return out;
                }
            }
        });
        assertThat(timeline).anySatisfy(line -> assertThat(line).startsWith("PARTNER_DELIVERY_GIVEN_UP JOB_OFFERED to " + fleet)
                .contains(job.deliveryId()));
        int attempts = ((Number) row(job.deliveryId()).get("attempts")).intValue();
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
                .until(() -> peer.received().size() == attempts);
    }

    @Test
    void aRowHeldByAMemberThatDiedIsSentOnceItsClaimRunsOut() throws Exception {
        PartnerPeer peer = peer();
        String fleet = fleet(peer.url("/"));
        PartnerDelivery job = job(fleet, "JOB_OFFERED");
        Instant until = Instant.now().plusMillis(1_500);
        db.inTransaction(c -> {
            new DeliveryRows().insert(c, job, Instant.now());
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE partner_deliveries SET claimed_by = 'a-dead-member', claimed_until = ? WHERE delivery_id = ?")) {
                ps.setObject(1, until.atOffset(java.time.ZoneOffset.UTC));
                ps.setString(2, job.deliveryId());
                return ps.executeUpdate();
            }
        });

        start(Duration.ofHours(24));

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered(job));
        assertThat(Instant.now()).isAfter(until);
        assertThat(peer.deliveries()).containsExactly(job.deliveryId());
    }

    @Test
    void twoMembersSendEveryDeliveryOnceAndInOrder() throws Exception {
        start(Duration.ofHours(24));
        PrometheusMeterRegistry other = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DeliveryTimings timings = new DeliveryTimings(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofMillis(100), new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), 2.0), Duration.ofHours(1));
        try (DeliverySender second = new DeliverySender(db, SECRETS, "member-two", Clock.systemUTC(), timings, other,
                new StageTimers(other))) {
            second.start();
            PartnerPeer peer = peer();
            String fleet = fleet(peer.url("/"));
            List<PartnerDelivery> jobs = java.util.stream.IntStream.range(0, 20)
                    .mapToObj(i -> job(fleet, i % 2 == 0 ? "JOB_OFFERED" : "JOB_WITHDRAWN")).toList();
            for (PartnerDelivery j : jobs) {
                enqueue(j);
                second.kick();
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> jobs.stream().allMatch(PartnerOutboxTest::delivered));
            assertThat(peer.deliveries()).containsExactlyElementsOf(jobs.stream().map(PartnerDelivery::deliveryId).toList());
        }
    }

    @Test
    void aPreArrivalBundleIsPostedToTheHospitalsFhirBaseUrl() throws Exception {
        start(Duration.ofHours(24));
        PartnerPeer fhir = peer();
        String hospital = "H-T" + UUID.randomUUID().toString().substring(0, 8);
        db.inTransaction(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("INSERT INTO hospitals (id, name, lat, lon, partner, fhir_base_url) VALUES ('" + hospital
                        + "', 'Test', 12.9, 77.6, FALSE, '" + fhir.url("/fhir") + "')");
                s.executeUpdate("INSERT INTO partners (id, kind, name) VALUES ('" + hospital + "', 'HOSPITAL', 'Test')");
            }
            return null;
        });
        PartnerDelivery notice = new PartnerDelivery("PRE-" + UUID.randomUUID(), hospital, Transport.FHIR, "PRE_ARRIVAL",
                incidentId, "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[]}", null);

        enqueue(notice);

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered(notice));
        PartnerPeer.Received r = fhir.received().getFirst();
        assertThat(r.path()).isEqualTo("/fhir");
        assertThat(r.header("Content-Type")).startsWith("application/fhir+json");
        assertThat(r.body()).isEqualTo(notice.body());
        assertThat(registry.get(DeliveryMetrics.ATTEMPTS).tag("partner", "hospital").counter().count()).isEqualTo(1);
    }
}
