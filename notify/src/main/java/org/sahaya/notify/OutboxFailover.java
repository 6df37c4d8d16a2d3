package org.sahaya.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.delivery.Failover;
import org.sahaya.notify.escalation.EscalationRepository;
import org.sahaya.notify.outbox.NotificationRepository;
import org.sahaya.notify.outbox.ReportedFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes and sends the failover of a failed message: a new row for the contact's next channel
 * ({@link Failover} chooses it), under the outbox's unique key, so when SMS and push fail together
 * only one of them writes the call. A failure a provider reported later ({@link ReportedFailures}) is
 * taken in the transaction that writes the new row, so it fails over once across nodes and crashes.
 */
final class OutboxFailover {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxFailover.class);

    private final Database database;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Set<Channel> available;
    private final OutboxSender sender;
    private final NotificationRepository outbox = new NotificationRepository();
    private final ReportedFailures reported = new ReportedFailures();
    private final EscalationRepository escalations = new EscalationRepository();
    private final TimelineRepository timeline = new TimelineRepository();

    OutboxFailover(Database database, Clock clock, Supplier<String> ids, Set<Channel> available, OutboxSender sender) {
        this.database = database;
        this.clock = clock;
        this.ids = ids;
        this.available = available;
        this.sender = sender;
    }

    /** Hands a message the sender failed to the contact's next channel, if there is one. */
    void failOver(Notification failed, Contact contact) {
        failOver(failed, contact, false);
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
                timeline.append(c, new TimelineEntry(failed.incidentId(), now, TimelineStage.NOTIFICATION_FAILOVER,
                        Failover.nothingLeftNote(failed)));
            }
            return true;
        });
    }

    private boolean failOver(Notification failed, Contact contact, boolean reportedFailure) {
        List<Notification> incidentRows = database.withConnection(c -> outbox.findByIncident(c, failed.incidentId()));
        Optional<Failover.Choice> chosen = Failover.after(failed, contact, available, incidentRows);
        if (chosen.isEmpty()) {
            return !reportedFailure || takeWithNothingLeft(failed);
        }
        Failover.Choice choice = chosen.get();
        Notification row = choice.row(failed, ids.get(), clock.instant());
        sender.claim(row.id());
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
                timeline.append(c, new TimelineEntry(failed.incidentId(), row.createdAt(),
                        TimelineStage.NOTIFICATION_FAILOVER, choice.note(failed, row.id())));
                return true;
            });
        } finally {
            if (!written) {
                // That contact already has this step on that channel: exactly once wins over failover.
                sender.release(row.id());
            }
        }
        if (written) {
            LOG.info("notification {}: failed over to {} as {}", failed.id(), choice.next(), row.id());
            sender.sendClaimed(row, contact);
        }
        return took[0];
    }
}
