package org.sahaya.server.delivery;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The outbox of deliveries to partners: a delivery written with {@link #enqueue} in the transaction of
 * what caused it is sent at least once, with retries and backoff, by the member that wrote it (at once,
 * after the commit) or, if that member died, by any other. One partner whose endpoint is down delays
 * only its own deliveries.
 */
public interface PartnerOutbox {

    /**
     * Stores {@code delivery} for sending in the caller's transaction; a delivery id already stored is
     * left as it is (so a listener that hears an event twice enqueues once).
     *
     * @return whether it was new
     */
    boolean enqueue(Connection c, PartnerDelivery delivery) throws SQLException;

    /** Sends what is due now, on a virtual thread: call after the transaction that enqueued committed. */
    void kick();
}
