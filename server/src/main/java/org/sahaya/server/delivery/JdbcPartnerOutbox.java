package org.sahaya.server.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The outbox in the node's database ({@code partner_deliveries}): {@link #enqueue} writes in the caller's
 * transaction, {@link #kick} wakes the {@link DeliverySender} after the commit.
 */
public final class JdbcPartnerOutbox implements PartnerOutbox {

    private final DeliveryRows rows = new DeliveryRows();
    private final Clock clock;
    private final DeliverySender sender;

    public JdbcPartnerOutbox(Clock clock, DeliverySender sender) {
        this.clock = clock;
        this.sender = sender;
    }

    @Override
    public boolean enqueue(Connection c, PartnerDelivery delivery) throws SQLException {
        return rows.insert(c, delivery, clock.instant());
    }

    @Override
    public void kick() {
        sender.kick();
    }
}
