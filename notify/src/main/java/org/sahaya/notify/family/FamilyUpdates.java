package org.sahaya.notify.family;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.persistence.ConsentGate;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.core.subscriber.ConsentPurpose;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.notify.FamilyNotifier;
import org.sahaya.notify.contact.PreferencesRepository;
import org.sahaya.notify.escalation.EscalationPolicy;
import org.sahaya.notify.escalation.EscalationRepository;
import org.sahaya.notify.outbox.NotificationRepository;
import org.sahaya.notify.plan.NotificationRequest;
import org.sahaya.notify.preference.ContactPreferences;
import org.sahaya.notify.template.NotificationStep;

/**
 * Turns what happened to an incident into the family's messages: gathers who to tell and what to say. Blocking.
 *
 * <p>Consent: a subscriber who withdrew {@link ConsentPurpose#FAMILY_NOTIFICATION} has nobody told and no
 * escalation calls, from the next step on; the timeline says so instead. The consent is read on the
 * connection that reads the subscriber (one primary-key lookup), so the family's path costs no more.
 */
public final class FamilyUpdates {

    private final FamilyNotifier notifier;
    private final Database database;
    private final Grid grid;
    private final Channel channel;
    private final DirectoryRepository directory = new DirectoryRepository();
    private final PreferencesRepository preferences = new PreferencesRepository();
    private final EscalationRepository escalations = new EscalationRepository();
    private final NotificationRepository notifications = new NotificationRepository();
    private final TimelineRepository timeline = new TimelineRepository();
    private final EscalationPolicy policy;
    private final Clock clock;

    /**
     * @param policy when to escalate to voice calls; the family's first messages start the incident's
     *               escalation timer (persisted, so it survives a restart)
     */
    public FamilyUpdates(FamilyNotifier notifier, Database database, Grid grid, Channel channel,
                         EscalationPolicy policy, Clock clock) {
        this.notifier = notifier;
        this.database = database;
        this.grid = grid;
        this.channel = channel;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Tells the family of {@code incident} what {@code step} says, and starts its escalation timer.
     *
     * @return the notifications handed to providers now
     */
    public List<Notification> tell(Incident incident, NotificationStep step) {
        NotificationRequest request = request(incident, step);
        if (request == null) {
            database.withConnection(c -> {
                timeline.append(c, new TimelineEntry(incident.id(), clock.instant(), TimelineStage.NOTIFICATIONS_PLANNED,
                        "Family not told of " + step + ": consent withdrawn (family notification)."));
                return null;
            });
            return List.of();
        }
        List<Notification> told = notifier.notify(request);
        Instant now = clock.instant();
        // Auto-commit: of two nodes starting the same escalation, the second's insert fails alone.
        policy.firstCallAt(incident.priority(), now).ifPresent(first -> database.withConnection(c ->
                escalations.startIfAbsent(c, incident.id(), incident.priority(), now, first)));
        return told;
    }

    /** What the family of {@code incident} is told now (null without consent): the dispatch, or that it waits. */
    private NotificationRequest requestFor(Incident incident) {
        boolean dispatched = incident.unitId() != null && incident.etaSeconds() != null;
        return request(incident, dispatched ? NotificationStep.DISPATCHED : NotificationStep.QUEUED);
    }

    /** Escalation step {@code stepNumber}: the voice call to {@code contact}. */
    public Optional<Notification> escalate(Incident incident, Contact contact, int stepNumber) {
        NotificationRequest request = requestFor(incident);
        return request == null ? Optional.empty() : notifier.escalate(request, contact, stepNumber);
    }

    /** The request for {@code step}; null when the subscriber withdrew consent to family notification. */
    private NotificationRequest request(Incident incident, NotificationStep step) {
        boolean[] consented = {true};
        Subscriber subscriber = database.withConnection(c -> {
            consented[0] = ConsentGate.granted(c, incident.subscriberId(), ConsentPurpose.FAMILY_NOTIFICATION);
            return directory.subscriber(c, incident.subscriberId());
        }).orElseThrow();
        if (!consented[0]) {
            return null;
        }
        List<Contact> contacts = database.withConnection(c -> directory.contacts(c, subscriber.id()));
        Map<String, ContactPreferences> prefs = database.withConnection(c -> preferences.ofSubscriber(c, subscriber.id()));
        String callSign = null;
        String hospital = null;
        Integer eta = null;
        if (step.namesUnit() && incident.unitId() != null) {
            callSign = grid.unit(incident.unitId()).map(Unit::callSign).orElse(incident.unitId());
            hospital = incident.hospitalId() == null ? null
                    : grid.hospital(incident.hospitalId()).map(Hospital::name).orElse(null);
            eta = incident.etaSeconds() == null ? null : (incident.etaSeconds() + 59) / 60;
        }
        return new NotificationRequest(incident, subscriber, contacts, step, callSign, hospital, eta, channel, prefs);
    }

    /** The incident as the grid holds it now, if it is still live there. */
    public Optional<Incident> current(String incidentId) {
        return Optional.ofNullable(grid.incidents().get(incidentId));
    }

    /**
     * Non-emergency news (a device gone silent, a low battery, a stand-down), sent as P4 so that the
     * planner's contact preferences and quiet hours apply. A stand-down reaches a family that was
     * already told of the emergency the way the emergency did, so nobody woken by it is left waiting.
     */
    public List<Notification> tellNews(Incident incident, NotificationStep step) {
        boolean alreadyTold = step == NotificationStep.STOOD_DOWN
                && database.withConnection(c -> notifications.anyForIncident(c, incident.id()));
        Incident asNews = alreadyTold ? incident : new Incident(incident.id(), incident.subscriberId(),
                incident.alertType(), Priority.P4, incident.action(), incident.state(), incident.location(),
                incident.openedAt(), incident.updatedAt(), incident.needs(), incident.bedKind(), incident.unitId(),
                incident.hospitalId(), incident.etaSeconds(), incident.dispatchedAt());
        return tell(asNews, step);
    }

    /**
     * Sends the messages whose quiet hours ended, and fails over the messages a provider reported
     * failed after taking them to each contact's next channel; safe on every node at once. The
     * escalation scheduler calls it every tick.
     */
    public int sendHeldDue() {
        return notifier.sendHeldDue() + notifier.failOverReported();
    }
}
