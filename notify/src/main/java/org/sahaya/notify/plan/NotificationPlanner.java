package org.sahaya.notify.plan;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.template.MessageArgs;
import org.sahaya.notify.template.MessageTemplates;

/**
 * Decides who is told what, on which channel, in which language. Pure: data in, data out.
 *
 * <p>Emergencies (P1, P2) go to every contact at once. Lesser incidents go to the first contacts in
 * call order only (all of those sharing the lowest rank); telling the rest is the escalation's job.
 * Every recipient gets the request's default channel for now; per-contact preferences come later.
 */
public final class NotificationPlanner {

    /** The zone of the first deployment, Bengaluru. */
    public static final ZoneId BENGALURU = ZoneId.of("Asia/Kolkata");

    private final MessageTemplates templates;
    private final ZoneId incidentZone;

    /** A planner for Bengaluru with the bundled templates. */
    public NotificationPlanner() {
        this(MessageTemplates.load(), BENGALURU);
    }

    /**
     * @param incidentZone zone of the place incidents happen in, shown beside the reader's own time
     */
    public NotificationPlanner(MessageTemplates templates, ZoneId incidentZone) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.incidentZone = Objects.requireNonNull(incidentZone, "incidentZone");
    }

    /** The messages to send for {@code request}, in call order; empty when there is nobody to tell. */
    public List<PlannedMessage> plan(NotificationRequest request) {
        List<PlannedMessage> plan = new ArrayList<>();
        for (Contact contact : recipients(request)) {
            String language = templates.languageFor(contact.language());
            String text = templates.render(request.step(), contact.language(), args(request, contact));
            plan.add(new PlannedMessage(contact, request.defaultChannel(), request.step(), language, text));
        }
        return plan;
    }

    private static List<Contact> recipients(NotificationRequest request) {
        Map<String, Contact> byId = new LinkedHashMap<>();
        request.contacts().stream()
                .sorted(Comparator.comparingInt(Contact::rank).thenComparing(Contact::id))
                .forEach(contact -> byId.putIfAbsent(contact.id(), contact));
        List<Contact> ordered = List.copyOf(byId.values());
        if (ordered.isEmpty() || request.incident().priority().isEmergency()) {
            return ordered;
        }
        int firstRank = ordered.getFirst().rank();
        return ordered.stream().filter(contact -> contact.rank() == firstRank).toList();
    }

    private MessageArgs args(NotificationRequest request, Contact contact) {
        Incident incident = request.incident();
        return new MessageArgs(request.subscriber().name(), incident.alertType(), incident.openedAt(),
                zoneOf(contact), incidentZone, request.unitCallSign(), request.hospitalName(), request.etaMinutes());
    }

    /** A contact with a broken zone id still gets the message, with "your time" in UTC rather than none. */
    private static ZoneId zoneOf(Contact contact) {
        if (contact.timeZone() != null) {
            try {
                return ZoneId.of(contact.timeZone());
            } catch (DateTimeException e) {
                // fall through to UTC
            }
        }
        return ZoneOffset.UTC;
    }
}
