package org.sahaya.notify.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.notify.preference.ContactPreferences;
import org.sahaya.notify.template.NotificationStep;

/**
 * Everything needed to tell a subscriber's family about one step of an incident.
 *
 * @param incident       the incident; its priority decides who is told at once
 * @param subscriber     the person the incident is about
 * @param contacts       the subscriber's family contacts (any order)
 * @param step           what happened
 * @param unitCallSign   the ambulance's call sign; required for {@link NotificationStep#DISPATCHED}
 * @param hospitalName   the receiving hospital; null while no bed is reserved (the text says "to be confirmed")
 * @param etaMinutes     minutes until the ambulance arrives; required for {@link NotificationStep#DISPATCHED}
 * @param defaultChannel channel used where the planned one has no implementation on this node (SANDBOX in the
 *                       embedded default)
 * @param preferences    per contact id, how they want non-emergency news; a contact without an entry gets
 *                       {@link ContactPreferences#DEFAULT}
 */
public record NotificationRequest(
        Incident incident,
        Subscriber subscriber,
        List<Contact> contacts,
        NotificationStep step,
        String unitCallSign,
        String hospitalName,
        Integer etaMinutes,
        Channel defaultChannel,
        Map<String, ContactPreferences> preferences) {

    /** A request whose contacts all have the default preferences. */
    public NotificationRequest(Incident incident, Subscriber subscriber, List<Contact> contacts, NotificationStep step,
                               String unitCallSign, String hospitalName, Integer etaMinutes, Channel defaultChannel) {
        this(incident, subscriber, contacts, step, unitCallSign, hospitalName, etaMinutes, defaultChannel, Map.of());
    }

    /**
     * @throws IllegalArgumentException when the parts do not belong together or a dispatch lacks its
     *                                  details: a programming error, caught by the caller's tests
     */
    public NotificationRequest {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(defaultChannel, "defaultChannel");
        contacts = List.copyOf(contacts);
        preferences = Map.copyOf(preferences == null ? Map.of() : preferences);
        if (!incident.subscriberId().equals(subscriber.id())) {
            throw new IllegalArgumentException("incident " + incident.id() + " is not about " + subscriber);
        }
        for (Contact contact : contacts) {
            if (!contact.subscriberId().equals(subscriber.id())) {
                throw new IllegalArgumentException(contact + " is not a contact of " + subscriber);
            }
        }
        if (step.needsDispatchDetails() && (unitCallSign == null || etaMinutes == null)) {
            throw new IllegalArgumentException(step + " needs a unit call sign and an ETA");
        }
        if (etaMinutes != null && etaMinutes < 0) {
            throw new IllegalArgumentException("etaMinutes must not be negative, was " + etaMinutes);
        }
    }

    /** The outbox step key: the step's name, with the unit for a step told once per unit ({@link NotificationStep#key}). */
    public String stepKey() {
        return step.key(incident.unitId());
    }

    /** The contact's preferences, or the default. */
    public ContactPreferences preferencesOf(Contact contact) {
        return preferences.getOrDefault(contact.id(), ContactPreferences.DEFAULT);
    }
}
