package org.sahaya.notify.contact;

import java.util.List;

/**
 * A contact as someone typed it, before any check. Field names match the API's, so a refusal can
 * name the field at fault.
 *
 * @param channels   preferred channels for non-emergency news (SMS, PUSH, VOICE), most preferred first;
 *                   null or empty = SMS
 * @param quietStart start of quiet hours, {@code HH:MM} in the contact's zone; null = none
 * @param quietEnd   end of quiet hours, {@code HH:MM}
 */
public record ContactDraft(String name, String relation, String phone, String language, String timeZone, int rank,
                           String pushToken, List<String> channels, String quietStart, String quietEnd) {

    @Override
    public String toString() {
        return "ContactDraft[" + language + ", rank " + rank + "]";
    }
}
