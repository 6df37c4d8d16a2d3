package org.sahaya.server.delivery;

import java.time.Instant;
import org.sahaya.server.delivery.PartnerDelivery.Transport;

/**
 * A row of {@code partner_deliveries} not yet delivered nor given up: the head of its partner's lane when
 * it has the lowest id of the partner's pending rows.
 *
 * @param id       the row's own id: the order of the partner's lane
 * @param attempts attempts made so far
 */
record PendingDelivery(long id, String deliveryId, String partnerId, Transport transport, String kind, String incidentId,
                       String body, Instant createdAt, Instant decidedAt, int attempts, Instant nextAttemptAt,
                       String claimedBy, Instant claimedUntil) {

    /** Whether it may be sent now by {@code member}: due, and not held by another member's live claim. */
    boolean sendableBy(String member, Instant now) {
        boolean due = !nextAttemptAt.isAfter(now);
        boolean free = claimedBy == null || claimedBy.equals(member) || claimedUntil == null || claimedUntil.isBefore(now);
        return due && free;
    }

    @Override
    public String toString() {
        // Never the body: it carries personal data.
        return "PendingDelivery[" + deliveryId + " to " + partnerId + ", " + kind + "]";
    }
}
