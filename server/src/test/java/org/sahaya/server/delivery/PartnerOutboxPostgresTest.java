package org.sahaya.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sahaya.core.metrics.StageTimers;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.PostgresSchema;
import org.sahaya.server.TestNode;
import org.sahaya.server.delivery.PartnerDelivery.Transport;

/**
 * The outbox's SQL on PostgreSQL: a delivery id stored twice in one transaction leaves it usable (PostgreSQL
 * aborts a transaction on any failed statement), and a delivery goes out through a lane. Runs in the
 * {@code postgres} profile.
 */
@Tag("postgres")
class PartnerOutboxPostgresTest {

    @Test
    void aDeliveryIsStoredOnceAndSentOnPostgres() throws Exception {
        try (PostgresSchema schema = new PostgresSchema("sahaya_outbox_"); Database db = schema.open();
             PartnerPeer peer = new PartnerPeer()) {
            db.inTransaction(c -> {
                try (var s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO partners (id, kind, name) VALUES ('FLEET-PG', 'FLEET', 'PG fleet')");
                }
            });
            new PartnerWebhooks(db, TestNode.secrets()).set("FLEET-PG", peer.url("/pg"), "postgres-fleet-secret-01");
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            try (DeliverySender sender = new DeliverySender(db, TestNode.secrets(), "pg-member", Clock.systemUTC(),
                    DeliveryTimings.standard(Duration.ofHours(24)), registry, new StageTimers(registry))) {
                JdbcPartnerOutbox outbox = new JdbcPartnerOutbox(Clock.systemUTC(), sender);
                sender.start();
                PartnerDelivery d = new PartnerDelivery("DLV-PG-1", "FLEET-PG", Transport.WEBHOOK, "JOB_OFFERED", null,
                        "{\"event\":\"JOB_OFFERED\"}", Instant.now());
                boolean[] fresh = new boolean[2];
                db.inTransaction(c -> {
                    fresh[0] = outbox.enqueue(c, d);
                    fresh[1] = outbox.enqueue(c, d);
                    // the transaction goes on after the duplicate: a second delivery in it is stored too
                    fresh[1] |= !outbox.enqueue(c, new PartnerDelivery("DLV-PG-2", "FLEET-PG", Transport.WEBHOOK,
                            "JOB_WITHDRAWN", null, "{\"event\":\"JOB_WITHDRAWN\"}", null));
                    return null;
                });
                outbox.kick();
                assertThat(fresh).containsExactly(true, false);
                await().atMost(Duration.ofSeconds(10)).until(() -> db.withConnection(c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT delivered_at FROM partner_deliveries WHERE delivery_id = 'DLV-PG-1'");
                         ResultSet rs = ps.executeQuery()) {
                        return rs.next() && rs.getObject(1) != null;
                    }
                }));
                assertThat(peer.deliveries()).startsWith("DLV-PG-1");
                assertThat(peer.received().getFirst().signedWith("postgres-fleet-secret-01")).isTrue();
            }
        }
    }
}
