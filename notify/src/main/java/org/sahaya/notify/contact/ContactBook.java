package org.sahaya.notify.contact;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.preference.ContactPreferences;

/**
 * The one check of a family contact: every field (the phone number with libphonenumber, made E.164,
 * the zone, the language, the preferences); a contact that fails any check is refused whole, naming
 * the field. The administration API's contact kind ({@code server.admin.people.ContactKind}) stores
 * what passes, for {@code putContact}, the contact routes and the import alike. Pure.
 */
public final class ContactBook {

    /** The result of saving. */
    public sealed interface Result {
        record Saved(Contact contact, ContactPreferences preferences) implements Result {
        }

        /** @param field the draft's field at fault, as the API names it */
        record Invalid(String field, String reason) implements Result {
        }
    }

    private static final java.util.regex.Pattern LANGUAGE_TAG = java.util.regex.Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private ContactBook() {
    }

    /** Checks a draft without saving it. Pure. */
    public static Result check(String subscriberId, String contactId, ContactDraft d) {
        if (d.name() == null || d.name().isBlank()) {
            return new Result.Invalid("name", "a name is required");
        }
        if (d.relation() == null || d.relation().isBlank()) {
            return new Result.Invalid("relation", "a relation (son, daughter, ...) is required");
        }
        Optional<String> phone = PhoneNumbers.e164(d.phone());
        if (phone.isEmpty()) {
            return new Result.Invalid("phone", "not a valid phone number in international form (+<country code>...)");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(d.timeZone() == null ? "" : d.timeZone());
        } catch (DateTimeException e) {
            return new Result.Invalid("timeZone", "not an IANA time zone such as Europe/London");
        }
        if (d.language() == null || !LANGUAGE_TAG.matcher(d.language()).matches()) {
            return new Result.Invalid("language", "not a BCP 47 language tag such as en-GB");
        }
        if (d.rank() < 1) {
            return new Result.Invalid("rank", "must be 1 or more (1 = called first)");
        }
        List<Channel> channels = new ArrayList<>();
        for (String name : d.channels() == null ? List.<String>of() : d.channels()) {
            try {
                Channel channel = Channel.valueOf(name);
                if (channel == Channel.SANDBOX) {
                    throw new IllegalArgumentException();
                }
                if (channel == Channel.PUSH && d.pushToken() == null) {
                    return new Result.Invalid("channels", "PUSH needs a pushToken");
                }
                channels.add(channel);
            } catch (IllegalArgumentException e) {
                return new Result.Invalid("channels", "unknown channel " + name + " (SMS, PUSH or VOICE)");
            }
        }
        if (channels.isEmpty()) {
            channels.add(Channel.SMS);
        }
        LocalTime start;
        LocalTime end;
        try {
            start = d.quietStart() == null ? null : LocalTime.parse(d.quietStart());
            end = d.quietEnd() == null ? null : LocalTime.parse(d.quietEnd());
        } catch (DateTimeParseException e) {
            return new Result.Invalid(d.quietStart() == null ? "quietEnd" : "quietStart", "not a time HH:MM");
        }
        if ((start == null) != (end == null) || (start != null && start.equals(end))) {
            return new Result.Invalid("quietEnd", "quiet hours need a start and a different end");
        }
        Contact contact = new Contact(contactId, subscriberId, d.name().trim(), d.relation().trim(), phone.get(),
                d.language(), zone.getId(), d.rank(), d.pushToken());
        return new Result.Saved(contact, ContactPreferences.of(channels, start, end));
    }
}
