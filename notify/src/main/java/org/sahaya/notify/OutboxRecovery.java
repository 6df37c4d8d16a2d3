package org.sahaya.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.outbox.NotificationRepository;
import org.sahaya.notify.outbox.PendingNotifications;
import org.sahaya.notify.outbox.ReportedFailures;

/**
 * The outbox rows that no live request is sending: rows a crash left PENDING, rows held back by quiet
 * hours whose time has come, and messages a provider reported failed after taking them. Each is taken
 * through the sender's claim (and, for held rows and reported failures, a conditional update in the
 * database) so a live send, a recovery pass and another node never both act on one row.
 * {@link FamilyNotifier}'s public methods of the same names describe the guarantees. Blocking.
 */
final class OutboxRecovery {

    private static final int BATCH = 200;

    private final Database database;
    private final OutboxSender sender;
    private final Clock clock;
    private final NotificationRepository outbox = new NotificationRepository();
    private final PendingNotifications pending = new PendingNotifications();
    private final ReportedFailures reported = new ReportedFailures();
    private final DirectoryRepository directory = new DirectoryRepository();

    OutboxRecovery(Database database, OutboxSender sender, Clock clock) {
        this.database = database;
        this.sender = sender;
        this.clock = clock;
    }

    /** Sends rows still PENDING (not held) of the incidents {@code ownsIncident} accepts. */
    int resumePending(Predicate<String> ownsIncident) {
        Instant now = clock.instant();
        int taken = 0;
        Notification after = null;
        while (true) {
            Notification from = after;
            List<Notification> batch = database.withConnection(c -> pending.findPendingAfter(c, BATCH, now, from));
            if (batch.isEmpty()) {
                return taken;
            }
            after = batch.getLast();
            for (Notification candidate : batch) {
                if (ownsIncident.test(candidate.incidentId()) && sender.claim(candidate.id())) {
                    taken += resume(candidate.id()) ? 1 : 0;
                }
            }
        }
    }

    /** Sends held rows whose time has come; a row is taken by clearing its hold (a compare-and-set). */
    int sendHeldDue() {
        int taken = 0;
        List<Notification> due = database.withConnection(c -> pending.findHeldDue(c, clock.instant(), BATCH));
        for (Notification candidate : due) {
            if (!sender.claim(candidate.id())) {
                continue;
            }
            if (database.withConnection(c -> pending.releaseHold(c, candidate.id()))) {
                taken += resume(candidate.id()) ? 1 : 0;
            } else {
                sender.release(candidate.id());
            }
        }
        return taken;
    }

    /** Fails over messages a status callback reported failed; each is taken in the failover's own transaction. */
    int failOverReported() {
        int taken = 0;
        List<String> waiting = database.withConnection(c -> reported.waiting(c, BATCH));
        for (String id : waiting) {
            Optional<Notification> failed = database.withConnection(c -> outbox.find(c, id));
            if (failed.isEmpty()) {
                continue;
            }
            Contact contact = database.withConnection(c -> contact(c, failed.get().contactId())).orElse(null);
            taken += sender.failOverReported(failed.get(), contact) ? 1 : 0;
        }
        return taken;
    }

    /** Sends a claimed row if it is still PENDING now that we own it. */
    private boolean resume(String id) {
        Optional<Notification> current = database.withConnection(c -> outbox.find(c, id));
        if (current.isEmpty() || current.get().status() != NotificationStatus.PENDING) {
            sender.release(id);
            return false;
        }
        Notification n = current.get();
        sender.sendClaimed(n, database.withConnection(c -> contact(c, n.contactId())).orElse(null));
        return true;
    }

    /** Looks the contact up through core's directory, which lists contacts per subscriber. */
    private Optional<Contact> contact(Connection c, String contactId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT subscriber_id FROM contacts WHERE id = ?")) {
            ps.setString(1, contactId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String subscriberId = rs.getString(1);
                return directory.contacts(c, subscriberId).stream().filter(k -> k.id().equals(contactId)).findFirst();
            }
        }
    }
}
