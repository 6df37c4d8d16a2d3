package org.sahaya.notify;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.GroupCommit;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.ack.AckLinks;
import org.sahaya.notify.ack.SmsAckHint;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.outbox.NotificationRepository;
import org.sahaya.notify.outbox.PendingNotifications;
import org.sahaya.notify.plan.NotificationPlanner;
import org.sahaya.notify.plan.NotificationRequest;
import org.sahaya.notify.plan.PlanSummary;
import org.sahaya.notify.plan.PlannedMessage;
import org.sahaya.notify.template.MessageTemplates;

/**
 * Tells a subscriber's family about a step of an incident, exactly once per (incident, contact,
 * channel, step): plans the messages, writes them to the outbox as PENDING in one transaction with
 * a timeline entry, then hands each row it wrote to its channel and records SENT or FAILED.
 *
 * <p>Every method blocks on the database and on providers: run it on a virtual thread (or a
 * worker), never on a Vert.x event loop. Thread-safe; one instance per node.
 *
 * <p>Exactly once: the outbox's unique key decides which call writes a row, and only that call sends
 * it; a repeated request finds its rows written and sends nothing. Rows left PENDING by a crash are
 * sent by {@link #resumePending()}.
 */
public final class FamilyNotifier {

    /** The order {@link NotificationRepository#findByIncident} returns rows in. */
    private static final Comparator<Notification> STORED_ORDER =
            Comparator.comparing(Notification::createdAt).thenComparing(Notification::id);

    /** Outbox transactions in flight at once; each commits the writes of many concurrent requests. */
    private static final int COMMIT_LANES = 4;

    private final Database database;
    private final Clock clock;
    private final Supplier<String> ids;
    private final NotificationPlanner planner;
    private final OutboxSender sender;
    private final Set<Channel> available;
    private final Optional<AckLinks> ackLinks;
    private final GroupCommit commits;
    private final NotificationRepository outbox = new NotificationRepository();
    private final PendingNotifications pending = new PendingNotifications();
    private final OutboxRecovery recovery;
    private final TimelineRepository timeline = new TimelineRepository();

    /**
     * @param channels one implementation per channel; a message for a channel without one ends FAILED
     *                 with reason {@code NO_CHANNEL}
     * @param ids      new notification ids, unique across nodes and restarts
     * @param options  retries, acknowledgement links and waits ({@link NotifierOptions#defaults()}: one
     *                 attempt per row, no links)
     */
    public FamilyNotifier(Database database, Map<Channel, NotificationChannel> channels, Clock clock,
                          Supplier<String> ids, NotifierOptions options) {
        Objects.requireNonNull(options, "options");
        this.ackLinks = options.ackLinks();
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        Map<Channel, NotificationChannel> byChannel = new EnumMap<>(Channel.class);
        channels.forEach((channel, implementation) -> {
            if (implementation.channel() != channel) {
                throw new IllegalArgumentException(implementation.channel() + " implementation registered for " + channel);
            }
            byChannel.put(channel, implementation);
        });
        this.planner = new NotificationPlanner(MessageTemplates.load(), options.city());
        this.available = Set.copyOf(byChannel.keySet());
        this.commits = new GroupCommit(database, COMMIT_LANES);
        this.sender = new OutboxSender(database, commits, Map.copyOf(byChannel), clock, options.delivery(),
                options.pause(), ids, id -> ackLinks.map(links -> links.token(id, clock.instant())).orElse(null));
        this.recovery = new OutboxRecovery(database, sender, clock);
    }

    /**
     * Plans, records and sends the request's messages.
     *
     * @return the request's notifications after sending: as this call recorded them (SENT, FAILED, or
     *         PENDING when held by quiet hours), or as an earlier call left them; oldest first
     */
    public List<Notification> notify(NotificationRequest request) {
        Instant planned = clock.instant();
        List<PlannedMessage> plan = planner.plan(request, available, planned);
        Map<String, PlannedMessage> candidates = new LinkedHashMap<>();
        plan.forEach(message -> {
            String id = ids.get();
            candidates.put(id, withAckLink(id, message, planned));
        });
        return writeAndSend(request, candidates, plan);
    }

    /**
     * Escalation step {@code stepNumber}: a voice call to {@code contact} (its own outbox row, sent once).
     *
     * @return the step's row as stored after sending
     */
    public Optional<Notification> escalate(NotificationRequest request, Contact contact, int stepNumber) {
        PlannedMessage call = planner.planEscalationCall(request, contact, stepNumber, available);
        Map<String, PlannedMessage> candidates = new LinkedHashMap<>();
        candidates.put(ids.get(), call);
        return writeAndSend(request, candidates, List.of(call)).stream()
                .filter(n -> n.step().equals(call.stepKey())).findFirst();
    }

    private PlannedMessage withAckLink(String id, PlannedMessage m, Instant now) {
        // The sandbox stands in for SMS in the embedded default, so the demo shows the link too.
        if (ackLinks.isEmpty() || (m.channel() != Channel.SMS && m.channel() != Channel.SANDBOX)) {
            return m;
        }
        String text = SmsAckHint.withLink(m.text(), ackLinks.get().link(id, now), m.contact().phone());
        return new PlannedMessage(m.contact(), m.channel(), m.step(), m.language(), text, m.stepKey(), m.notBefore());
    }

    private List<Notification> writeAndSend(NotificationRequest request, Map<String, PlannedMessage> candidates,
                                            List<PlannedMessage> plan) {
        // Claimed before the rows are visible, so a concurrent recovery pass cannot take them first.
        candidates.keySet().forEach(sender::claim);
        List<Fresh> written = List.of();
        try {
            written = commits.run(c -> writeOutbox(c, request, candidates));
        } finally {
            Set<String> toSend = new HashSet<>();
            written.forEach(fresh -> toSend.add(fresh.notification().id()));
            candidates.keySet().stream().filter(id -> !toSend.contains(id)).forEach(sender::release);
        }
        // Quiet hours: a held row waits, PENDING with its time, for sendHeldDue() to find it due.
        written.stream().filter(Fresh::held).forEach(fresh -> sender.release(fresh.notification().id()));
        List<Notification> outcomes = sender.sendAllClaimed(written.stream().filter(fresh -> !fresh.held())
                .map(fresh -> Map.entry(fresh.notification(), fresh.contact())).toList());
        if (written.size() < plan.size() || outcomes.contains(null)) {
            // Rows an earlier call wrote, or an outcome this call could not see: the table knows.
            return stored(request, plan);
        }
        // Every planned row is this call's and ended as this call recorded it: no need to read them back.
        List<Notification> rows = new ArrayList<>(outcomes);
        written.stream().filter(Fresh::held).forEach(fresh -> rows.add(fresh.notification()));
        rows.sort(STORED_ORDER);
        return rows;
    }

    /**
     * Sends outbox rows still PENDING, e.g. after a crash between writing and sending. Call it when a
     * node starts, before it takes traffic. It is safe beside {@link #notify} on the same node, but
     * not across nodes: another node's in-flight row is PENDING too (a claim column would fix that).
     *
     * @return how many rows it handed to a channel or failed
     */
    public int resumePending() {
        return recovery.resumePending(incidentId -> true);
    }

    /**
     * {@link #resumePending()} restricted to the incidents {@code ownsIncident} accepts, so that each
     * member of a cluster resumes only the rows of incidents it owns.
     *
     * @param ownsIncident true for an incident id whose pending rows this node should send
     * @return how many rows it handed to a channel or failed
     */
    public int resumePending(Predicate<String> ownsIncident) {
        return recovery.resumePending(Objects.requireNonNull(ownsIncident, "ownsIncident"));
    }

    /**
     * Sends messages whose quiet hours have ended. Safe on several nodes at once: each row is taken by
     * clearing its hold in one conditional update, and only the node that cleared it sends it.
     *
     * @return how many it sent or failed
     */
    public int sendHeldDue() {
        return recovery.sendHeldDue();
    }

    /**
     * Fails over the messages a provider reported failed after taking them (a status callback:
     * undelivered, failed) to each contact's next channel, with a {@code NOTIFICATION_FAILOVER}
     * timeline entry; once per message, safe on every node at once. The server calls it every tick.
     *
     * @return how many reported failures it took (failed over, or found nothing left to try)
     */
    public int failOverReported() {
        return recovery.failOverReported();
    }

    private List<Fresh> writeOutbox(Connection c, NotificationRequest request, Map<String, PlannedMessage> candidates)
            throws SQLException {
        Instant now = clock.instant();
        List<Fresh> written = new ArrayList<>();
        for (Map.Entry<String, PlannedMessage> candidate : candidates.entrySet()) {
            PlannedMessage m = candidate.getValue();
            Notification row = new Notification(candidate.getKey(), request.incident().id(), m.contact().id(),
                    m.channel(), m.stepKey(), m.language(), m.text(), NotificationStatus.PENDING, now,
                    null, null, null);
            if (outbox.insertIfAbsent(c, row).id().equals(row.id())) {
                boolean held = m.notBefore() != null && m.notBefore().isAfter(now);
                if (held) {
                    pending.holdUntil(c, row.id(), m.notBefore());
                }
                written.add(new Fresh(row, m.contact(), held));
            }
        }
        List<Notification> rows = written.stream().map(Fresh::notification).toList();
        int held = (int) written.stream().filter(Fresh::held).count();
        for (TimelineEntry entry : PlanSummary.entries(request.incident().id(), request.step(), now, candidates.size(),
                rows, held)) {
            timeline.append(c, entry);
        }
        return written;
    }

    private List<Notification> stored(NotificationRequest request, List<PlannedMessage> plan) {
        Set<String> keys = new HashSet<>();
        plan.forEach(m -> keys.add(m.contact().id() + "/" + m.channel() + "/" + m.stepKey()));
        return database.withConnection(c -> outbox.findByIncident(c, request.incident().id())).stream()
                .filter(n -> keys.contains(n.contactId() + "/" + n.channel() + "/" + n.step()))
                .toList();
    }

    /** A row this call wrote, with the contact it goes to. */
    private record Fresh(Notification notification, Contact contact, boolean held) {
    }
}
