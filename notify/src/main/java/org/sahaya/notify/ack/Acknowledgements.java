package org.sahaya.notify.ack;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.notify.escalation.AckVia;
import org.sahaya.notify.escalation.EscalationRepository;
import org.sahaya.notify.outbox.NotificationRepository;
import org.sahaya.notify.receipt.StatusHistoryRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place every acknowledgement ends, whatever it came by (key press, SMS reply, push action,
 * link): the notification becomes ACKNOWLEDGED, the incident's escalation stops for everyone, and the
 * timeline says who acknowledged how. Blocking.
 */
public final class Acknowledgements {

    /** What an acknowledgement did. */
    public sealed interface Outcome {
        /**
         * @param first true for the incident's first acknowledgement (it stopped the escalation)
         */
        record Acknowledged(Notification notification, String relation, boolean first) implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        /** An SMS reply from a number we cannot hear back from, or one that says nothing we understand. */
        record Refused(String reason) implements Outcome {
        }
    }

    private static final Set<String> YES = Set.of("1", "OK", "OKAY", "YES", "Y", "SEEN", "JA", "HAAN", "HA");
    private static final int RECENT = 20;
    private static final Logger LOG = LoggerFactory.getLogger(Acknowledgements.class);

    private final Database database;
    private final Clock clock;
    private final NotificationRepository outbox = new NotificationRepository();
    private final StatusHistoryRepository history = new StatusHistoryRepository();
    private final EscalationRepository escalations = new EscalationRepository();
    private final IncidentRepository incidents = new IncidentRepository();
    private final TimelineRepository timeline = new TimelineRepository();

    public Acknowledgements(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The contact of notification {@code notificationId} acknowledged it. */
    public Outcome acknowledge(String notificationId, AckVia via) {
        return log(database.inTransaction(c -> {
            Optional<Notification> n = outbox.find(c, notificationId);
            return n.isEmpty() ? new Outcome.NotFound() : acknowledge(c, n.get(), via);
        }));
    }

    /**
     * An SMS reply: "1", "OK", "YES" (any case, punctuation ignored) from a contact's number acknowledges
     * that contact's newest notification. Replies from Indian numbers cannot reach us through Twilio, so
     * one claiming to come from +91 is refused rather than trusted.
     */
    public Outcome acknowledgeSmsReply(String fromE164, String body) {
        if (!TwoWaySms.reaches(fromE164)) {
            return new Outcome.Refused("two-way SMS is not available for this number");
        }
        String word = body == null ? "" : body.trim().toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        if (!YES.contains(word)) {
            return new Outcome.Refused("the reply is not an acknowledgement");
        }
        return log(database.inTransaction(c -> {
            Optional<Notification> n = newestOf(c, fromE164);
            return n.isEmpty() ? new Outcome.NotFound() : acknowledge(c, n.get(), AckVia.SMS_REPLY);
        }));
    }

    /** The newest notification to any contact with this number (one person may be in two families). */
    private Optional<Notification> newestOf(Connection c, String phone) throws SQLException {
        Optional<Notification> newest = Optional.empty();
        for (String contactId : contactIdsByPhone(c, phone)) {
            for (Notification n : outbox.findByContact(c, contactId, RECENT)) {
                if (newest.isEmpty() || n.createdAt().isAfter(newest.get().createdAt())) {
                    newest = Optional.of(n);
                }
            }
        }
        return newest;
    }

    private Outcome acknowledge(Connection c, Notification n, AckVia via) throws SQLException {
        Instant now = clock.instant();
        if (outbox.moveTo(c, n.id(), NotificationStatus.ACKNOWLEDGED, null)) {
            history.append(c, new StatusHistoryRepository.Change(n.id(), NotificationStatus.ACKNOWLEDGED, now,
                    "ack:" + via.name(), null));
        }
        Incident incident = incidents.find(c, n.incidentId()).orElseThrow();
        boolean first = escalations.acknowledge(c, n.incidentId(), incident.priority(), now, n.contactId(), via);
        String relation = relation(c, n.contactId());
        timeline.append(c, new TimelineEntry(n.incidentId(), now, TimelineStage.ACKNOWLEDGED, "ACKNOWLEDGED by " + relation + " via "
                + via.name() + " (notification " + n.id() + ")"
                + (first ? "; escalation stopped for everyone." : "; the incident was already acknowledged.")));
        Notification current = outbox.find(c, n.id()).orElse(n);
        return new Outcome.Acknowledged(current, relation, first);
    }

    private static String relation(Connection c, String contactId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT relation FROM contacts WHERE id = ?")) {
            ps.setString(1, contactId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "a contact";
            }
        }
    }

    private static List<String> contactIdsByPhone(Connection c, String phone) throws SQLException {
        try (var ps = c.prepareStatement("SELECT id FROM contacts WHERE phone = ? ORDER BY id")) {
            ps.setString(1, phone);
            try (var rs = ps.executeQuery()) {
                List<String> ids = new java.util.ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        }
    }

    private static Outcome log(Outcome outcome) {
        if (outcome instanceof Outcome.Acknowledged a) {
            LOG.info("notification {}: acknowledged (first for its incident: {})", a.notification().id(), a.first());
        }
        return outcome;
    }
}
