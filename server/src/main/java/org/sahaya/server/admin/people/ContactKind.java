package org.sahaya.server.admin.people;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.contact.ContactBook;
import org.sahaya.notify.contact.ContactDraft;
import org.sahaya.server.admin.RecordKind;
import org.sahaya.server.admin.RecordRefused;
import org.sahaya.server.admin.RecordRefused.Fault;

/**
 * Family contacts: the one path by which a contact is stored, for {@code putContact}, the contact
 * routes and the import. Fields are checked by {@link ContactBook#check} (the phone number with
 * libphonenumber); the write checks that the subscriber exists and that the contact id is not another
 * subscriber's. The notifier reads contacts from the database, so a write is live at its commit.
 */
public final class ContactKind implements RecordKind<ContactRecord> {

    private static final int MOST_TOKENS = 10;

    @Override
    public String section() {
        return "contacts";
    }

    @Override
    public String id(ContactRecord record) {
        return record.contact().id();
    }

    @Override
    public ContactRecord read(JsonObject json) throws RecordRefused {
        Checks checks = new Checks();
        String id = checks.id(json, "id", "id", true);
        String subscriberId = checks.id(json, "subscriberId", "subscriberId", true);
        // The columns' sizes: ContactBook checks what the fields mean, these what fits.
        checks.text(json, "name", "name", 200, false);
        checks.text(json, "relation", "relation", 40, false);
        checks.text(json, "language", "language", 35, false);
        checks.text(json, "timeZone", "timeZone", 64, false);
        Object rank = json.getValue("rank");
        if (rank != null && !(rank instanceof Integer)) {
            checks.fault("rank", "must be a whole number, 1 = called first");
        }
        List<String> tokens = new ArrayList<>(checks.texts(json, "pushTokens", "pushTokens", 400, MOST_TOKENS));
        String single = checks.text(json, "pushToken", "pushToken", 400, false);
        if (single != null && !tokens.contains(single)) {
            tokens.add(0, single);
        }
        List<String> channels = new ArrayList<>();
        if (json.getValue("channels") != null && !(json.getValue("channels") instanceof JsonArray)) {
            checks.fault("channels", "must be an array of SMS, VOICE, PUSH");
        } else if (json.getJsonArray("channels") != null) {
            json.getJsonArray("channels").forEach(c -> channels.add(String.valueOf(c)));
        }
        JsonObject quiet = checks.object(json, "quietHours", "quietHours", false);
        checks.orRefuse();
        ContactDraft draft = new ContactDraft(json.getValue("name") instanceof String n ? n : null,
                json.getValue("relation") instanceof String r ? r : null,
                json.getValue("phone") instanceof String p ? p : null,
                json.getValue("language") instanceof String l ? l : null,
                json.getValue("timeZone") instanceof String z ? z : null,
                rank == null ? 1 : (Integer) rank, tokens.isEmpty() ? null : tokens.get(0), channels,
                quiet == null ? null : quiet.getString("start"), quiet == null ? null : quiet.getString("end"));
        return switch (ContactBook.check(subscriberId, id, draft)) {
            case ContactBook.Result.Saved saved -> new ContactRecord(saved.contact(), saved.preferences(), tokens);
            case ContactBook.Result.Invalid invalid -> throw RecordRefused.of(field(invalid.field()), invalid.reason());
        };
    }

    /** The API's name of a draft's field: {@code quietStart} is {@code quietHours.start}. */
    private static String field(String draftField) {
        return switch (draftField) {
            case "quietStart" -> "quietHours.start";
            case "quietEnd" -> "quietHours.end";
            default -> draftField;
        };
    }

    @Override
    public Written write(Connection c, ContactRecord record) throws SQLException, RecordRefused {
        return writeAll(c, List.of(record)).get(0);
    }

    @Override
    public List<Written> writeAll(Connection c, List<ContactRecord> records) throws SQLException, RecordRefused {
        Set<String> subscribers = SubscriberRows.existing(c, "subscribers",
                records.stream().map(r -> r.contact().subscriberId()).distinct().toList());
        Set<String> erased = subscribers.isEmpty() ? Set.of() : SubscriberRows.erased(c, subscribers);
        Map<String, String> owners = new HashMap<>(ContactRows.owners(c, records.stream().map(r -> r.contact().id()).toList()));
        List<Fault> faults = new ArrayList<>();
        List<Contact> created = new ArrayList<>();
        List<Contact> updated = new ArrayList<>();
        List<Written> written = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Contact k = records.get(i).contact();
            String at = records.size() == 1 ? "" : "contacts[" + i + "].";
            if (!subscribers.contains(k.subscriberId())) {
                faults.add(new Fault(at + "subscriberId", "no subscriber has this id", records.size() == 1 ? 404 : 422));
                continue;
            }
            if (erased.contains(k.subscriberId())) {
                faults.add(SubscriberRows.erasedFault(at + "subscriberId", k.subscriberId()));
                continue;
            }
            String owner = owners.get(k.id());
            if (owner != null && !owner.equals(k.subscriberId())) {
                faults.add(new Fault(at + "id", "this contact id belongs to another subscriber", 409));
                continue;
            }
            boolean exists = owner != null;
            (exists ? updated : created).add(k);
            owners.put(k.id(), k.subscriberId());
            written.add(exists ? Written.UPDATED : Written.CREATED);
        }
        if (!faults.isEmpty()) {
            throw new RecordRefused(faults);
        }
        ContactRows.store(c, created, updated);
        ContactRows.storeDetails(c, records, created.stream().map(Contact::id).collect(java.util.stream.Collectors.toSet()));
        return written;
    }

    /** What a deletion did. */
    public enum Deleted { DELETED, UNKNOWN, HAS_MESSAGES }

    /**
     * Removes a contact with its preferences and push tokens; a contact already sent messages stays (those
     * messages are the incidents' record: erasing the subscriber pseudonymises them instead). Blocking.
     */
    public Deleted delete(Connection c, String id) throws SQLException {
        if (ContactRows.owners(c, List.of(id)).isEmpty()) {
            return Deleted.UNKNOWN;
        }
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT 1 FROM notifications WHERE contact_id = ?")) {
            ps.setString(1, id);
            ps.setMaxRows(1);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return Deleted.HAS_MESSAGES;
                }
            }
        }
        for (String sql : List.of("DELETE FROM contact_push_tokens WHERE contact_id = ?",
                "DELETE FROM contact_preferences WHERE contact_id = ?", "DELETE FROM contacts WHERE id = ?")) {
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
        }
        return Deleted.DELETED;
    }

    /** The contact as the API answers it; empty if no contact has this id. Blocking. */
    public java.util.Optional<JsonObject> view(Connection c, String id) throws SQLException {
        return ContactRows.views(c, "k.id = ?", id).stream().findFirst();
    }

    /** The subscriber's contacts in call order. Blocking. */
    public List<JsonObject> ofSubscriber(Connection c, String subscriberId) throws SQLException {
        return ContactRows.views(c, "k.subscriber_id = ?", subscriberId);
    }
}
