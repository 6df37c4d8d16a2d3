package org.sahaya.core.notification;

import java.time.Instant;

/**
 * One message to one contact on one channel for one step of an incident. The tuple
 * (incidentId, contactId, channel, step) is unique: a resent alert never sends it twice.
 *
 * @param id            notification id
 * @param incidentId    incident
 * @param contactId     recipient
 * @param channel       channel
 * @param step          incident step that caused it, e.g. {@code DISPATCHED}
 * @param language      BCP 47 tag the text is written in
 * @param text          rendered text as sent
 * @param status        delivery status
 * @param createdAt     written to the outbox
 * @param sentAt        handed to the provider, if it was
 * @param providerId    provider's message id, if any
 * @param failureReason why it failed, if it did
 */
public record Notification(
        String id,
        String incidentId,
        String contactId,
        Channel channel,
        String step,
        String language,
        String text,
        NotificationStatus status,
        Instant createdAt,
        Instant sentAt,
        String providerId,
        String failureReason) {
}
