package org.sahaya.server.prearrival;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import org.sahaya.core.persistence.Jdbc;
import org.sahaya.server.delivery.PartnerDelivery;
import org.sahaya.server.delivery.PartnerOutbox;

/**
 * Stand-in for the partner outbox's sender until it is wired (issue 17, {@code server.delivery}): stores each
 * delivery in {@code partner_deliveries}, due now, as the outbox does, and sends nothing; the sender, once
 * there, picks up what is stored here. Replace with the outbox in {@code NodeWiring}.
 */
public final class StoredOnlyOutbox implements PartnerOutbox {

    private final Clock clock;

    public StoredOnlyOutbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean enqueue(Connection c, PartnerDelivery d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO partner_deliveries (delivery_id, partner_id, transport,"
                + " kind, incident_id, body, created_at, decided_at, next_attempt_at) SELECT ?,?,?,?,?,?,?,?,? FROM (VALUES (1)) v"
                + " WHERE NOT EXISTS (SELECT 1 FROM partner_deliveries WHERE delivery_id = ?)")) {
            ps.setString(1, d.deliveryId());
            ps.setString(2, d.partnerId());
            ps.setString(3, d.transport().name());
            ps.setString(4, d.kind());
            ps.setString(5, d.incidentId());
            ps.setString(6, d.body());
            Jdbc.setInstant(ps, 7, clock.instant());
            Jdbc.setInstant(ps, 8, d.decidedAt());
            Jdbc.setInstant(ps, 9, clock.instant());
            ps.setString(10, d.deliveryId());
            return ps.executeUpdate() == 1;
        }
    }

    @Override
    public void kick() {
        // Nothing sends yet.
    }
}
