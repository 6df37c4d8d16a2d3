package org.sahaya.notify.receipt;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.notify.outbox.NotificationRepository;
import org.sahaya.notify.outbox.ReportedFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a provider's delivery receipt to the outbox: the status moves only forward, each move is
 * appended to the status history, and a failure stamps the timeline and queues the message to fail
 * over to the contact's next channel ({@link ReportedFailures}, taken by
 * {@link org.sahaya.notify.FamilyNotifier#failOverReported()}, which makes the incident's next
 * escalation step due at once when the contact has no channel left). Blocking.
 */
public final class Receipts {

    /** What a receipt did. */
    public sealed interface Outcome {
        /** No notification has that provider id. */
        record Unknown() implements Outcome {
        }

        /** Known, but the status did not move (older news, or nothing new). */
        record Unchanged(NotificationStatus current) implements Outcome {
        }

        record Moved(NotificationStatus from, NotificationStatus to) implements Outcome {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Receipts.class);

    private final Database database;
    private final Clock clock;
    private final NotificationRepository outbox = new NotificationRepository();
    private final StatusHistoryRepository history = new StatusHistoryRepository();
    private final TimelineRepository timeline = new TimelineRepository();
    private final ReportedFailures reported = new ReportedFailures();

    public Receipts(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * @param providerId Twilio's MessageSid or CallSid
     * @param status     Twilio's MessageStatus or CallStatus
     * @param errorCode  Twilio's ErrorCode, or null
     * @param source     who reported it, for the history (e.g. {@code twilio-status})
     */
    public Outcome apply(String providerId, String status, String errorCode, String source) {
        Outcome outcome = database.inTransaction(c -> {
            Optional<Notification> found = outbox.findByProviderId(c, providerId);
            if (found.isEmpty()) {
                return new Outcome.Unknown();
            }
            Notification n = found.get();
            if (!(ProviderStatus.of(status, errorCode) instanceof ProviderStatus.Meaning.Move move)
                    || !n.status().canMoveTo(move.status())
                    || !outbox.moveTo(c, n.id(), move.status(), move.reason())) {
                return new Outcome.Unchanged(n.status());
            }
            Instant now = clock.instant();
            history.append(c, new StatusHistoryRepository.Change(n.id(), move.status(), now, source,
                    move.reason() != null ? move.reason() : status));
            if (move.status() == NotificationStatus.FAILED) {
                // The contact's next channel takes over (FamilyNotifier.failOverReported), once; with
                // none left, the incident's next escalation step is made due then.
                reported.add(c, n.id(), now);
                timeline.append(c, new TimelineEntry(n.incidentId(), now, TimelineStage.NOTIFICATION_FAILED, "Notification " + n.id()
                        + " (" + n.step() + ", " + n.channel() + ", " + n.language() + ") failed: " + move.reason()
                        + "."));
            }
            return new Outcome.Moved(n.status(), move.status());
        });
        if (outcome instanceof Outcome.Moved moved) {
            LOG.info("receipt {}: {} -> {}", providerId, moved.from(), moved.to());
        }
        return outcome;
    }
}
