package org.sahaya.core.subscriber;

import java.io.Serializable;

/**
 * A family member to tell.
 *
 * @param id           contact id
 * @param subscriberId whose family
 * @param name         display name (personal data: never logged)
 * @param relation     e.g. "son", "daughter"
 * @param phone        E.164 phone number
 * @param language     BCP 47 tag of the language messages are written in
 * @param timeZone     IANA zone the contact lives in
 * @param rank         1 = first to call
 * @param pushToken    FCM registration token, if the contact has the app
 */
public record Contact(
        String id,
        String subscriberId,
        String name,
        String relation,
        String phone,
        String language,
        String timeZone,
        int rank,
        String pushToken) implements Serializable {

    @Override
    public String toString() {
        return "Contact[" + id + " " + language + "]";
    }
}
