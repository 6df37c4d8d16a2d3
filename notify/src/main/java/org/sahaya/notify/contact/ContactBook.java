package org.sahaya.notify.contact;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.preference.ContactPreferences;

/**
 * The one way a family contact is saved: every field is checked first (the phone number with
 * libphonenumber and stored as E.164, the zone, the language, the preferences), and a contact that
 * fails any check is refused whole, naming the field. Blocking.
 */
public final class ContactBook {

    /** The result of saving. */
    public sealed interface Result {
        record Saved(Contact contact, ContactPreferences preferences) implements Result {
        }

        /** @param field the draft's field at fault, as the API names it */
        record Invalid(String field, String reason) implements Result {
        }

        record UnknownSubscriber() implements Result {
        }
    }

    private final Database database;
    private final DirectoryRepository directory = new DirectoryRepository();
    private final PreferencesRepository preferences = new PreferencesRepository();

    public ContactBook(Database database) {
        this.database = database;
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
        if (d.language() == null || !d.language().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
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

    /** Checks and saves (creates or replaces) the contact and its preferences. */
    public Result save(String subscriberId, String contactId, ContactDraft draft) {
        Result checked = check(subscriberId, contactId, draft);
        if (!(checked instanceof Result.Saved saved)) {
            return checked;
        }
        return database.inTransaction(c -> {
            if (directory.subscriber(c, subscriberId).isEmpty()) {
                return new Result.UnknownSubscriber();
            }
            String owner = ownerOf(c, contactId);
            if (owner != null && !owner.equals(subscriberId)) {
                return new Result.Invalid("contactId", "this contact id belongs to another subscriber");
            }
            if (owner == null) {
                directory.insert(c, saved.contact());
            } else {
                update(c, saved.contact());
            }
            preferences.save(c, contactId, saved.preferences());
            return saved;
        });
    }

    private static String ownerOf(Connection c, String contactId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT subscriber_id FROM contacts WHERE id = ?")) {
            ps.setString(1, contactId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void update(Connection c, Contact k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE contacts SET name = ?, relation = ?, phone = ?,"
                + " language = ?, time_zone = ?, call_order = ?, push_token = ? WHERE id = ?")) {
            ps.setString(1, k.name());
            ps.setString(2, k.relation());
            ps.setString(3, k.phone());
            ps.setString(4, k.language());
            ps.setString(5, k.timeZone());
            ps.setInt(6, k.rank());
            ps.setString(7, k.pushToken());
            ps.setString(8, k.id());
            ps.executeUpdate();
        }
    }
}
