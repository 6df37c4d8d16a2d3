package org.sahaya.notify.plan;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sahaya.core.config.CitySettings;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.preference.ContactPreferences;
import org.sahaya.notify.template.MessageArgs;
import org.sahaya.notify.template.MessageTemplates;

/**
 * Decides who is told what, on which channel, in which language. Pure: data in, data out.
 *
 * <p>Emergencies (P1, P2) go to every contact at once. Lesser incidents go to the first contacts in
 * call order only (all of those sharing the lowest rank); telling the rest is the escalation's job.
 * Channels per contact follow {@link ChannelChoice}; non-emergency messages respect quiet hours.
 */
public final class NotificationPlanner {

    private final MessageTemplates templates;
    private final CitySettings city;

    /** A planner for the default city (Bengaluru, {@link CitySettings#defaults()}) with the bundled templates. */
    public NotificationPlanner() {
        this(MessageTemplates.load(), CitySettings.defaults());
    }

    /**
     * @param city the city incidents happen in: its name in the reader's language and its clock (unless the
     *             subscriber has a zone of their own) are shown beside the reader's own time, and its language
     *             is written to contacts without one
     */
    public NotificationPlanner(MessageTemplates templates, CitySettings city) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.city = Objects.requireNonNull(city, "city");
    }

    /**
     * The messages for {@code request} as if its default channel were the only one, sent now: the
     * embedded default's plan (every contact on SANDBOX).
     */
    public List<PlannedMessage> plan(NotificationRequest request) {
        return plan(request, Set.of(request.defaultChannel()), request.incident().updatedAt());
    }

    /**
     * The messages to send for {@code request}, in call order; empty when there is nobody to tell.
     * Channels follow {@link ChannelChoice}; a non-emergency message to a contact in their quiet hours
     * carries the time it may go ({@code notBefore}); emergencies never wait.
     *
     * @param available channels with an implementation on this node
     * @param now       the planning time, to place it against quiet hours
     */
    public List<PlannedMessage> plan(NotificationRequest request, Set<Channel> available, Instant now) {
        List<PlannedMessage> plan = new ArrayList<>();
        Priority priority = request.incident().priority();
        for (Contact contact : recipients(request)) {
            ContactPreferences preferences = request.preferencesOf(contact);
            Instant notBefore = null;
            if (!priority.isEmergency() && preferences.quietHours() != null) {
                Instant allowed = preferences.quietHours().nextAllowed(now, zoneOf(contact));
                notBefore = allowed.isAfter(now) ? allowed : null;
            }
            String tag = city.languageOr(contact.language());
            String language = templates.languageFor(tag);
            String text = templates.render(request.step(), tag, args(request, contact, language));
            for (Channel channel : ChannelChoice.forContact(priority, contact, preferences, available,
                    request.defaultChannel())) {
                plan.add(new PlannedMessage(contact, channel, request.step(), language, text, request.stepKey(),
                        notBefore));
            }
        }
        return plan;
    }

    /**
     * The voice call of escalation step {@code stepNumber} to {@code contact}: the step's message and
     * how to acknowledge it, in the contact's language. Escalation runs because nobody answered, so
     * it never waits for quiet hours.
     */
    public PlannedMessage planEscalationCall(NotificationRequest request, Contact contact, int stepNumber,
                                             Set<Channel> available) {
        String tag = city.languageOr(contact.language());
        String language = templates.languageFor(tag);
        String text = templates.render(request.step(), tag, args(request, contact, language)) + " "
                + templates.phrase(MessageTemplates.VOICE_PROMPT, tag);
        return new PlannedMessage(contact, ChannelChoice.voice(available, request.defaultChannel()), request.step(),
                language, text, escalationStepKey(stepNumber), null);
    }

    /** The outbox step of the n-th escalation step (1-based): one row per step, sent once. */
    public static String escalationStepKey(int stepNumber) {
        return "ESCALATION_" + stepNumber;
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

    /** @param language the template language the contact is written in: the city is named in it */
    private MessageArgs args(NotificationRequest request, Contact contact, String language) {
        Incident incident = request.incident();
        return new MessageArgs(request.subscriber().name(), incident.alertType(), incident.openedAt(),
                zoneOf(contact), city.zoneOf(request.subscriber().timeZone()), request.unitCallSign(),
                request.hospitalName(), request.etaMinutes(), city.nameIn(language));
    }

    /** A contact with a broken zone id still gets the message, with "your time" in UTC rather than none. */
    public static ZoneId zoneOf(Contact contact) {
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
