package org.sahaya.server.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The outbox in the node's database ({@code partner_deliveries}): {@link #enqueue} writes in the caller's
 * transaction, {@link #kick} wakes the {@link DeliverySender} after the commit. A test that only reads the
 * rows gives a sender that is never started, or {@link #rowsOnly}.
 */
public final class JdbcPartnerOutbox implements PartnerOutbox {

    private final DeliveryRows rows = new DeliveryRows();
    private final Clock clock;
    private final Runnable wake;

    public JdbcPartnerOutbox(Clock clock, DeliverySender sender) {
        this(clock, sender::kick);
    }

    private JdbcPartnerOutbox(Clock clock, Runnable wake) {
        this.clock = clock;
        this.wake = wake;
    }

    /** The rows without a sender: what a test of a listener reads back. */
    public static JdbcPartnerOutbox rowsOnly(Clock clock) {
        return new JdbcPartnerOutbox(clock, () -> { });
    }

    @Override
    public boolean enqueue(Connection c, PartnerDelivery delivery) throws SQLException {
        return rows.insert(c, delivery, clock.instant());
    }

    @Override
    public void kick() {
        wake.run();
    }
}
