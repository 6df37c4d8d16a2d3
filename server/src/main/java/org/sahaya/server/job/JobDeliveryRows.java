package org.sahaya.server.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import org.sahaya.core.persistence.Jdbc;
import org.sahaya.server.delivery.PartnerDelivery;
import org.sahaya.server.delivery.PartnerOutbox;

/**
 * The least outbox that keeps jobs' deliveries: rows in {@code partner_deliveries}, due at once, that the
 * partner outbox's sender ({@code server.delivery}) works. It sends nothing itself ({@link #kick} does
 * nothing): a stand-in until the node wires the real outbox, which replaces it.
 */
public final class JobDeliveryRows implements PartnerOutbox {

    private final Clock clock;

    public JobDeliveryRows(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean enqueue(Connection c, PartnerDelivery d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM partner_deliveries WHERE delivery_id = ?")) {
            ps.setString(1, d.deliveryId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO partner_deliveries (delivery_id, partner_id,"
                + " transport, kind, incident_id, body, created_at, decided_at, next_attempt_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, d.deliveryId());
            ps.setString(2, d.partnerId());
            ps.setString(3, d.transport().name());
            ps.setString(4, d.kind());
            ps.setString(5, d.incidentId());
            ps.setString(6, d.body());
            Jdbc.setInstant(ps, 7, clock.instant());
            Jdbc.setInstant(ps, 8, d.decidedAt());
            Jdbc.setInstant(ps, 9, clock.instant());
            ps.executeUpdate();
        }
        return true;
    }

    @Override
    public void kick() {
    }
}
