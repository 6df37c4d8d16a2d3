package org.sahaya.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;
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
import org.sahaya.notify.delivery.Failover;
import org.sahaya.notify.escalation.EscalationRepository;
import org.sahaya.notify.outbox.DeliveryAttempts;
import org.sahaya.notify.outbox.NotificationRepository;
import org.sahaya.notify.outbox.ReportedFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands claimed outbox rows to their channel and records the outcome: SENT with the provider's id,
 * or FAILED with a reason and a timeline entry. A row is sent only by whoever holds its claim in
 * this process, so a live send and a recovery pass never both send it.
 *
 * <p>Delivery of one row: each hand-over is announced in the row before it happens
 * ({@link DeliveryAttempts#begin}); a retryable refusal (the provider certainly did not take it)
 * is tried again after a backoff while {@link DeliveryPolicy} allows; anything else — a permanent
 * refusal, an unknown outcome (a timeout after the request went out), an exhausted deadline —
 * fails the row and fails over to the contact's next channel ({@link Failover}) as a new row under
 * the outbox's unique key, so each (incident, contact, channel, step) is still handed over at most
 * once.
 */
final class OutboxSender {

    static final String NO_CHANNEL = "NO_CHANNEL";
    static final String NO_CONTACT = "NO_CONTACT";
    static final String CHANNEL_ERROR = "CHANNEL_ERROR";
    /** A hand-over was under way when the process died; the provider may or may not have the message. */
    static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    /** Waits between attempts. Production sleeps (on a virtual thread); tests advance a clock. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Database database;
    private final GroupCommit commits;
    private final Map<Channel, NotificationChannel> channels;
    private final Clock clock;
    private final DeliveryPolicy policy;
    private final Pause pause;
    private final Supplier<String> ids;
    private final Function<String, String> ackTokens;
    private final NotificationRepository outbox = new NotificationRepository();
    private final DeliveryAttempts attempts = new DeliveryAttempts();
    private final ReportedFailures reported = new ReportedFailures();
    private final EscalationRepository escalations = new EscalationRepository();
    private final TimelineRepository timeline = new TimelineRepository();
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();

    OutboxSender(Database database, GroupCommit commits, Map<Channel, NotificationChannel> channels, Clock clock, DeliveryPolicy policy,
                 Pause pause, Supplier<String> ids, Function<String, String> ackTokens) {
        this.ackTokens = ackTokens;
        this.database = database;
        this.commits = commits;
        this.channels = channels;
        this.clock = clock;
        this.policy = policy;
        this.pause = pause;
        this.ids = ids;
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
            LOG.error("notification {}: outcome could not be recorded ({})", n.id(), e.getClass().getSimpleName(), e);
            return null;
        } finally {
            release(n.id());
        }
    }

    private Notification deliver(Notification n, Contact contact) {
        if (contact == null) {
            return fail(n, NO_CONTACT, null);
        }
        NotificationChannel channel = channels.get(n.channel());
        if (channel == null) {
            return fail(n, NO_CHANNEL, contact);
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
                if (!e.retryable()) {
                    return fail(n, e.reason(), contact);
                }
                Duration delay = policy.nextDelay(clock.instant(), n.createdAt(), failedAttempts,
                        ThreadLocalRandom.current().nextDouble());
                if (delay == null) {
                    return fail(n, e.reason() + " (retryable)", contact);
                }
                database.withConnection(c -> {
                    attempts.refused(c, n.id(), e.reason());
                    return null;
                });
                LOG.info("notification {}: {} refused ({}), attempt {} in {} ms", n.id(), n.channel(), e.reason(),
                        failedAttempts + 1, delay.toMillis());
                if (!sleep(delay)) {
                    return null;
                }
                continue;
            } catch (RuntimeException e) {
                // Only the type: a provider's message may quote the phone number. Not retried: the
                // request may have gone out.
                LOG.warn("notification {}: {} channel threw {}", n.id(), n.channel(), e.getClass().getName());
                return fail(n, CHANNEL_ERROR, contact);
            }
            Instant sentAt = clock.instant();
            boolean moved = commits.run(c -> outbox.markSent(c, n.id(), sentAt, receipt.providerId()));
            if (!moved) {
                LOG.warn("notification {}: sent, but it was no longer PENDING", n.id());
                return null;
            }
            return new Notification(n.id(), n.incidentId(), n.contactId(), n.channel(), n.step(), n.language(),
                    n.text(), NotificationStatus.SENT, n.createdAt(), sentAt, receipt.providerId(), null);
        }
    }

    /**
     * The row could not be marked for a hand-over. @return true to try again now (an interrupted
     * hand-over on a channel that deduplicates), false when there is nothing (more) to do here
     */
    private boolean resolveBlocked(Notification n, Contact contact, NotificationChannel channel) {
        Optional<DeliveryAttempts.State> state = database.withConnection(c -> attempts.state(c, n.id()));
        if (state.isEmpty() || !state.get().interrupted()) {
            return false;
        }
        if (channel.idempotent()) {
            database.withConnection(c -> {
                attempts.forgetInterrupted(c, n.id());
                return null;
            });
            return true;
        }
        fail(n, OUTCOME_UNKNOWN, contact);
        return false;
    }

    private boolean sleep(Duration delay) {
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
            timeline.append(c, new TimelineEntry(n.incidentId(), at, TimelineStage.NOTIFICATION_FAILED, "Notification " + n.id()
                    + " (" + n.step() + ", " + n.channel() + ", " + n.language() + ") failed: " + reason + "."));
            return true;
        });
        LOG.info("notification {}: FAILED {}", n.id(), reason);
        if (failed && !NO_CONTACT.equals(reason)) {
            failOver(n, contact, false);
        }
        return failed ? new Notification(n.id(), n.incidentId(), n.contactId(), n.channel(), n.step(), n.language(),
                n.text(), NotificationStatus.FAILED, n.createdAt(), n.sentAt(), n.providerId(),
                NotificationRepository.storedReason(reason)) : null;
    }

    /**
     * Fails over a message the provider reported failed after taking it, if this call takes its entry in
     * {@link ReportedFailures} (in the transaction that writes the new row, so once across nodes).
     *
     * @return true if this call took it
     */
    boolean failOverReported(Notification failed, Contact contact) {
        if (contact == null) {
            return takeWithNothingLeft(failed);
        }
        return failOver(failed, contact, true);
    }

    /**
     * A reported failure with no channel left for the contact: no point waiting for an acknowledgement
     * that cannot come, so the incident's next escalation step is due now.
     */
    private boolean takeWithNothingLeft(Notification failed) {
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            if (!reported.take(c, failed.id())) {
                return false;
            }
            if (escalations.dueNow(c, failed.incidentId(), now)) {
                timeline.append(c, new TimelineEntry(failed.incidentId(), now, TimelineStage.NOTIFICATION_FAILOVER, "Notification "
                        + failed.id() + " (" + failed.channel() + ") has no channel left to fail over to;"
                        + " the next escalation step is due now."));
            }
            return true;
        });
    }

    /**
     * The next channel in the chain that the contact can receive and has no message on yet for this step:
     * an emergency's push planned beside the SMS is already out, so a failed SMS goes on to a call.
     */
    private boolean failOver(Notification failed, Contact contact, boolean reportedFailure) {
        Set<Channel> taken = database.withConnection(c -> outbox.findByIncident(c, failed.incidentId())).stream()
                .filter(r -> r.contactId().equals(failed.contactId()) && r.step().equals(failed.step()))
                .map(Notification::channel)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
        Optional<Channel> chosen = Failover.next(failed.channel(), contact, channels.keySet(), taken);
        if (chosen.isEmpty()) {
            return !reportedFailure || takeWithNothingLeft(failed);
        }
        Channel next = chosen.get();
        List<Channel> skipped = Failover.ORDER.stream()
                .filter(ch -> Failover.ORDER.indexOf(ch) > Failover.ORDER.indexOf(failed.channel())
                        && Failover.ORDER.indexOf(ch) < Failover.ORDER.indexOf(next) && taken.contains(ch))
                .toList();
        String why = skipped.isEmpty() ? "" : " (" + skipped.stream().map(Channel::name)
                .collect(Collectors.joining(", ")) + " already planned for this step)";
        Notification row = new Notification(ids.get(), failed.incidentId(), failed.contactId(), next, failed.step(),
                failed.language(), failed.text(), NotificationStatus.PENDING, clock.instant(), null, null, null);
        claim(row.id());
        boolean written = false;
        boolean[] took = {!reportedFailure};
        try {
            written = database.inTransaction(c -> {
                if (reportedFailure && !(took[0] = reported.take(c, failed.id()))) {
                    return false; // another node (or an earlier tick) did it
                }
                if (!outbox.insertIfAbsent(c, row).id().equals(row.id())) {
                    if (reportedFailure) {
                        escalations.dueNow(c, failed.incidentId(), row.createdAt());
                    }
                    return false;
                }
                timeline.append(c, new TimelineEntry(failed.incidentId(), row.createdAt(), TimelineStage.NOTIFICATION_FAILOVER,
                        "Notification " + failed.id() + " (" + failed.channel() + ") failed over to " + next
                                + " as " + row.id() + why + "."));
                return true;
            });
        } finally {
            if (!written) {
                // That contact already has this step on that channel: exactly once wins over failover.
                release(row.id());
            }
        }
        if (written) {
            LOG.info("notification {}: failed over to {} as {}", failed.id(), next, row.id());
            sendClaimed(row, contact);
        }
        return took[0];
    }
}
