package org.sahaya.server.admin.people;

import java.util.List;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.preference.ContactPreferences;

/**
 * A family contact as checked by {@code ContactBook}: the contact (phone as E.164, {@code pushToken}
 * the first of {@code pushTokens}), their channels and quiet hours, and every push token they have.
 */
public record ContactRecord(Contact contact, ContactPreferences preferences, List<String> pushTokens) {

    public ContactRecord {
        pushTokens = List.copyOf(pushTokens);
    }

    @Override
    public String toString() {
        return "ContactRecord[" + contact.id() + "]";
    }
}
