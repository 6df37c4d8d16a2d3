package org.sahaya.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.PersistenceException;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.channel.ChannelException;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.channel.OutgoingMessage;
import org.sahaya.notify.channel.SendReceipt;
import org.sahaya.notify.outbox.NotificationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands claimed outbox rows to their channel and records the outcome: SENT with the provider's id,
 * or FAILED with a reason and a timeline entry. A row is sent only by whoever holds its claim in
 * this process, so a live send and a recovery pass never both send it.
 */
final class OutboxSender {

    static final String STAGE_FAILED = "NOTIFICATION_FAILED";
    static final String NO_CHANNEL = "NO_CHANNEL";
    static final String NO_CONTACT = "NO_CONTACT";
    static final String CHANNEL_ERROR = "CHANNEL_ERROR";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final Database database;
    private final Map<Channel, NotificationChannel> channels;
    private final Clock clock;
    private final NotificationRepository outbox = new NotificationRepository();
    private final TimelineRepository timeline = new TimelineRepository();
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();

    OutboxSender(Database database, Map<Channel, NotificationChannel> channels, Clock clock) {
        this.database = database;
        this.channels = channels;
        this.clock = clock;
    }

    /** @return true if the caller now owns the row and must end with {@link #sendClaimed} or {@link #release} */
    boolean claim(String notificationId) {
        return claimed.add(notificationId);
    }

    void release(String notificationId) {
        claimed.remove(notificationId);
    }

    /** Sends a PENDING row the caller has claimed, records the outcome and releases the claim. Never throws. */
    void sendClaimed(Notification n, Contact contact) {
        try {
            NotificationChannel channel = channels.get(n.channel());
            if (channel == null) {
                fail(n, NO_CHANNEL);
            } else if (contact == null) {
                fail(n, NO_CONTACT);
            } else {
                send(channel, n, contact);
            }
        } catch (PersistenceException e) {
            // The row stays PENDING; resumePending() takes it up again.
            LOG.error("notification {}: outcome could not be recorded ({})", n.id(), e.getClass().getSimpleName(), e);
        } finally {
            release(n.id());
        }
    }

    private void send(NotificationChannel channel, Notification n, Contact contact) {
        SendReceipt receipt;
        try {
            receipt = channel.send(new OutgoingMessage(n.id(), n.incidentId(), n.channel(), contact.phone(),
                    contact.pushToken(), n.language(), n.text()));
        } catch (ChannelException e) {
            fail(n, e.retryable() ? e.reason() + " (retryable)" : e.reason());
            return;
        } catch (RuntimeException e) {
            // Only the type: a provider's message may quote the phone number.
            LOG.warn("notification {}: {} channel threw {}", n.id(), n.channel(), e.getClass().getName());
            fail(n, CHANNEL_ERROR);
            return;
        }
        Instant sentAt = clock.instant();
        boolean moved = database.withConnection(c -> outbox.markSent(c, n.id(), sentAt, receipt.providerId()));
        if (!moved) {
            LOG.warn("notification {}: sent, but it was no longer PENDING", n.id());
        }
    }

    private void fail(Notification n, String reason) {
        Instant at = clock.instant();
        database.inTransaction(c -> {
            if (outbox.markFailed(c, n.id(), reason)) {
                timeline.append(c, new TimelineEntry(n.incidentId(), at, STAGE_FAILED, "Notification " + n.id()
                        + " (" + n.step() + ", " + n.channel() + ", " + n.language() + ") failed: " + reason + "."));
            }
            return null;
        });
        LOG.info("notification {}: FAILED {}", n.id(), reason);
    }
}
