package org.sahaya.server.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * One message for a partner's own system, as the outbox ({@code partner_deliveries}) holds it until
 * the partner answered 2xx: a job for a fleet, a pre-arrival notice for a hospital. The address is
 * looked up at each attempt (the partner's webhook, the hospital's FHIR base URL), so a corrected URL
 * serves the retries.
 *
 * @param deliveryId what the receiver deduplicates on: sent as the event's id, unique per event
 * @param partnerId  the fleet or hospital (its partner id)
 * @param transport  signed JSON webhook, or a FHIR R4 transaction Bundle
 * @param kind       what it is about, e.g. JOB_OFFERED, JOB_WITHDRAWN, PRE_ARRIVAL, PRE_ARRIVAL_CANCELLED
 * @param incidentId the incident it concerns (null if none)
 * @param body       exactly the bytes to send (JSON)
 * @param decidedAt  when the dispatch that caused it was decided, to time decided → handed (null if not timed)
 */
public record PartnerDelivery(String deliveryId, String partnerId, Transport transport, String kind, String incidentId,
                              String body, Instant decidedAt) {

    /** How a delivery reaches the partner. */
    public enum Transport {
        /** POST of JSON signed with X-Sahaya-Timestamp and X-Sahaya-Signature to the partner's webhook. */
        WEBHOOK,
        /** POST of a FHIR R4 transaction Bundle to the hospital's FHIR base URL. */
        FHIR
    }

    public PartnerDelivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
    }
}
