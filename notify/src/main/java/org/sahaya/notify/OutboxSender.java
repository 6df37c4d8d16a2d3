package org.sahaya.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.log.Redacted;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.GroupCommit;
import org.sahaya.core.persistence.PersistenceException;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.channel.ChannelException;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.channel.OutgoingMessage;
import org.sahaya.notify.channel.SendReceipt;
import org.sahaya.notify.delivery.DeliveryPolicy;
import org.sahaya.notify.delivery.SendOutcome;
import org.sahaya.notify.outbox.DeliveryAttempts;
import org.sahaya.notify.outbox.NotificationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands claimed outbox rows to their channel and records the outcome: SENT with the provider's id,
 * or FAILED with a reason and a timeline entry. A row is sent only by whoever holds its claim in
 * this process, so a live send and a recovery pass never both send it.
 *
 * <p>The loop only does the I/O: each hand-over is announced in the row before it happens
 * ({@link DeliveryAttempts#begin}); what a refusal, an exception or a blocked hand-over means for the
 * row is {@link SendOutcome}'s decision, and a failed row goes to {@link OutboxFailover}, so each
 * (incident, contact, channel, step) is still handed over at most once.
 */
final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final Database database;
    private final GroupCommit commits;
    private final Map<Channel, NotificationChannel> channels;
    private final Clock clock;
    private final DeliveryPolicy policy;
    private final NotifierOptions.Pause pause;
    private final Function<String, String> ackTokens;
    private final OutboxFailover failover;
    private final NotificationRepository outbox = new NotificationRepository();
    private final DeliveryAttempts attempts = new DeliveryAttempts();
    private final TimelineRepository timeline = new TimelineRepository();
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();

    OutboxSender(Database database, GroupCommit commits, Map<Channel, NotificationChannel> channels, Clock clock, DeliveryPolicy policy,
                 NotifierOptions.Pause pause, Supplier<String> ids, Function<String, String> ackTokens) {
        this.ackTokens = ackTokens;
        this.database = database;
        this.commits = commits;
        this.channels = channels;
        this.clock = clock;
        this.policy = policy;
        this.pause = pause;
        this.failover = new OutboxFailover(database, clock, ids, channels.keySet(), this);
    }

    /** @return true if the caller now owns the row and must end with {@link #sendClaimed} or {@link #release} */
    boolean claim(String notificationId) {
        return claimed.add(notificationId);
    }

    void release(String notificationId) {
        claimed.remove(notificationId);
    }

    /**
     * Sends claimed rows side by side, each on its own virtual thread (one contact's retries never
     * hold up another's message), and returns when all are settled.
     *
     * @return for each row, in order, what this call left it as ({@link #sendClaimed}), null where unknown
     */
    List<Notification> sendAllClaimed(List<Map.Entry<Notification, Contact>> rows) {
        if (rows.size() == 1) {
            return Collections.singletonList(sendClaimed(rows.getFirst().getKey(), rows.getFirst().getValue()));
        }
        Notification[] outcomes = new Notification[rows.size()];
        List<Thread> senders = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map.Entry<Notification, Contact> row = rows.get(i);
            int slot = i;
            senders.add(Thread.ofVirtual().name("sahaya-send-" + row.getKey().id())
                    .start(() -> outcomes[slot] = sendClaimed(row.getKey(), row.getValue())));
        }
        for (Thread sender : senders) {
            try {
                sender.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Arrays.asList(new Notification[rows.size()]);
            }
        }
        // join() orders each sender's write of its slot before this read.
        return Arrays.asList(outcomes);
    }

    /**
     * Sends a PENDING row the caller has claimed, records the outcome and releases the claim. Never throws.
     *
     * @return the row as this call recorded it (SENT or FAILED), or null when that is not known here (the
     *         outcome could not be recorded, another writer moved the row first, the thread was interrupted)
     */
    Notification sendClaimed(Notification n, Contact contact) {
        try {
            return deliver(n, contact);
        } catch (PersistenceException e) {
            // The row stays PENDING; resumePending() takes it up again.
            LOG.error("notification {}: outcome could not be recorded ({})", n.id(), e.getClass().getSimpleName(), Redacted.of(e));
            return null;
        } finally {
            release(n.id());
        }
    }

    /** See {@link OutboxFailover#failOverReported}. */
    boolean failOverReported(Notification failed, Contact contact) {
        return failover.failOverReported(failed, contact);
    }

    private Notification deliver(Notification n, Contact contact) {
        NotificationChannel channel = channels.get(n.channel());
        Optional<String> unsendable = SendOutcome.unsendable(contact != null, channel != null);
        if (unsendable.isPresent()) {
            return fail(n, unsendable.get(), contact);
        }
        OutgoingMessage message = new OutgoingMessage(n.id(), n.incidentId(), n.channel(), contact.phone(),
                contact.pushToken(), n.language(), n.text(),
                n.channel() == Channel.PUSH ? ackTokens.apply(n.id()) : null);
        int failedAttempts = 0;
        while (true) {
            Instant startedAt = clock.instant();
            // Committed (with other senders' marks) before the provider is called.
            if (!commits.run(c -> attempts.begin(c, n.id(), startedAt))) {
                if (!resolveBlocked(n, contact, channel)) {
                    return null;
                }
                continue;
            }
            SendReceipt receipt;
            try {
                receipt = channel.send(message);
            } catch (ChannelException e) {
                failedAttempts++;
                switch (SendOutcome.refused(policy, e.reason(), e.retryable(), failedAttempts, clock.instant(),
                        n.createdAt(), ThreadLocalRandom.current().nextDouble())) {
                    case SendOutcome.Fail fail -> {
                        return fail(n, fail.reason(), contact);
                    }
                    case SendOutcome.Retry retry -> {
                        if (!retryLater(n, e.reason(), failedAttempts, retry.delay())) {
                            return null;
                        }
                    }
                }
                continue;
            } catch (RuntimeException e) {
                // Only the type: a provider's message may quote the phone number. Not retried: the
                // request may have gone out.
                LOG.warn("notification {}: {} channel threw {}", n.id(), n.channel(), e.getClass().getName());
                return fail(n, SendOutcome.CHANNEL_ERROR, contact);
            }
            Instant sentAt = clock.instant();
            boolean moved = commits.run(c -> outbox.markSent(c, n.id(), sentAt, receipt.providerId()));
            if (!moved) {
                LOG.warn("notification {}: sent, but it was no longer PENDING", n.id());
                return null;
            }
            return SendOutcome.sent(n, sentAt, receipt.providerId());
        }
    }

    /** Clears the refused hand-over and waits. @return false when interrupted (shutting down) */
    private boolean retryLater(Notification n, String reason, int failedAttempts, Duration delay) {
        database.withConnection(c -> {
            attempts.refused(c, n.id(), reason);
            return null;
        });
        LOG.info("notification {}: {} refused ({}), attempt {} in {} ms", n.id(), n.channel(), reason,
                failedAttempts + 1, delay.toMillis());
        try {
            pause.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            // Shutting down: the row stays PENDING and resumePending() sends it after the restart.
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The row could not be marked for a hand-over. @return true to try again now (an interrupted
     * hand-over on a channel that deduplicates), false when there is nothing (more) to do here
     */
    private boolean resolveBlocked(Notification n, Contact contact, NotificationChannel channel) {
        Optional<DeliveryAttempts.State> state = database.withConnection(c -> attempts.state(c, n.id()));
        SendOutcome.Blocked what = SendOutcome.blocked(state.isPresent() && state.get().interrupted(), channel.idempotent());
        if (what == SendOutcome.Blocked.HAND_OVER_AGAIN) {
            database.withConnection(c -> {
                attempts.forgetInterrupted(c, n.id());
                return null;
            });
            return true;
        }
        if (what == SendOutcome.Blocked.FAIL_UNKNOWN) {
            fail(n, SendOutcome.OUTCOME_UNKNOWN, contact);
        }
        return false;
    }

    /**
     * Fails the row with a timeline entry, then hands the message to the contact's next channel, if any.
     *
     * @return the failed row, or null when another writer had moved it past PENDING
     */
    private Notification fail(Notification n, String reason, Contact contact) {
        Instant at = clock.instant();
        boolean failed = database.inTransaction(c -> {
            if (!outbox.markFailed(c, n.id(), reason)) {
                return false;
            }
            timeline.append(c, new TimelineEntry(n.incidentId(), at, TimelineStage.NOTIFICATION_FAILED,
                    SendOutcome.failedNote(n, reason)));
            return true;
        });
        LOG.info("notification {}: FAILED {}", n.id(), reason);
        if (failed && SendOutcome.failsOver(reason)) {
            failover.failOver(n, contact);
        }
        return failed ? SendOutcome.failed(n, reason) : null;
    }
}
