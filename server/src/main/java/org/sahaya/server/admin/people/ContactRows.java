package org.sahaya.server.admin.people;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sahaya.core.subscriber.Contact;

/**
 * The {@code contacts}, {@code contact_preferences} and {@code contact_push_tokens} rows, in JDBC
 * batches (one record is a batch of one). Blocking JDBC on the caller's connection.
 */
final class ContactRows {

    private static final int BATCH = 1000;

    private ContactRows() {
    }

    /** The subscriber of each of {@code ids} that is a contact's id. */
    static Map<String, String> owners(Connection c, List<String> ids) throws SQLException {
        Map<String, String> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += SubscriberRows.CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + SubscriberRows.CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, subscriber_id FROM contacts WHERE id IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return found;
    }

    static void store(Connection c, List<Contact> created, List<Contact> updated) throws SQLException {
        if (!created.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO contacts (subscriber_id, name, relation, phone,"
                    + " language, time_zone, call_order, push_token, id) VALUES (?,?,?,?,?,?,?,?,?)")) {
                batch(ps, created);
            }
        }
        if (!updated.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE contacts SET subscriber_id = ?, name = ?, relation = ?,"
                    + " phone = ?, language = ?, time_zone = ?, call_order = ?, push_token = ? WHERE id = ?")) {
                batch(ps, updated);
            }
        }
    }

    private static void batch(PreparedStatement ps, List<Contact> contacts) throws SQLException {
        int n = 0;
        for (Contact k : contacts) {
            ps.setString(1, k.subscriberId());
            ps.setString(2, k.name());
            ps.setString(3, k.relation());
            ps.setString(4, k.phone());
            ps.setString(5, k.language());
            ps.setString(6, k.timeZone());
            ps.setInt(7, k.rank());
            ps.setString(8, k.pushToken());
            ps.setString(9, k.id());
            ps.addBatch();
            if (++n % BATCH == 0) {
                ps.executeBatch();
            }
        }
        ps.executeBatch();
    }

    /** Replaces each contact's preferences and push tokens with the record's ({@code created}: contacts with none yet). */
    static void storeDetails(Connection c, List<ContactRecord> records, java.util.Set<String> created) throws SQLException {
        try (PreparedStatement delPrefs = c.prepareStatement("DELETE FROM contact_preferences WHERE contact_id = ?");
             PreparedStatement delTokens = c.prepareStatement("DELETE FROM contact_push_tokens WHERE contact_id = ?");
             PreparedStatement prefs = c.prepareStatement("INSERT INTO contact_preferences (contact_id, channels,"
                     + " quiet_start, quiet_end) VALUES (?,?,?,?)");
             PreparedStatement tokens = c.prepareStatement("INSERT INTO contact_push_tokens (contact_id, token) VALUES (?,?)")) {
            for (ContactRecord r : records) {
                if (created.contains(r.contact().id())) {
                    continue; // created in this transaction: nothing to replace
                }
                delPrefs.setString(1, r.contact().id());
                delPrefs.addBatch();
                delTokens.setString(1, r.contact().id());
                delTokens.addBatch();
            }
            delPrefs.executeBatch();
            delTokens.executeBatch();
            int n = 0;
            for (ContactRecord r : records) {
                prefs.setString(1, r.contact().id());
                prefs.setString(2, r.preferences().channels().stream().map(Enum::name).collect(Collectors.joining(",")));
                var quiet = r.preferences().quietHours();
                prefs.setString(3, quiet == null ? null : quiet.start().toString());
                prefs.setString(4, quiet == null ? null : quiet.end().toString());
                prefs.addBatch();
                for (String token : r.pushTokens()) {
                    tokens.setString(1, r.contact().id());
                    tokens.setString(2, token);
                    tokens.addBatch();
                }
                if (++n % BATCH == 0) {
                    prefs.executeBatch();
                    tokens.executeBatch();
                }
            }
            prefs.executeBatch();
            tokens.executeBatch();
        }
    }

    /** Contacts matching {@code where} (one parameter), in call order, as the API answers them. */
    static List<JsonObject> views(Connection c, String where, String arg) throws SQLException {
        Map<String, JsonObject> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.*, p.channels, p.quiet_start, p.quiet_end FROM contacts k"
                + " LEFT JOIN contact_preferences p ON p.contact_id = k.id WHERE " + where + " ORDER BY k.call_order, k.id")) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String channels = rs.getString("channels");
                    String start = rs.getString("quiet_start");
                    out.put(rs.getString("id"), new JsonObject().put("id", rs.getString("id"))
                            .put("subscriberId", rs.getString("subscriber_id")).put("name", rs.getString("name"))
                            .put("relation", rs.getString("relation")).put("phone", rs.getString("phone"))
                            .put("language", rs.getString("language")).put("timeZone", rs.getString("time_zone"))
                            .put("rank", rs.getInt("call_order"))
                            .put("channels", new JsonArray(channels == null ? List.of("SMS")
                                    : List.of(channels.split(","))))
                            .put("quietHours", start == null ? null
                                    : new JsonObject().put("start", start).put("end", rs.getString("quiet_end")))
                            .put("pushTokens", new JsonArray(rs.getString("push_token") == null ? new ArrayList<>()
                                    : new ArrayList<>(List.of(rs.getString("push_token"))))));
                }
            }
        }
        if (!out.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.contact_id, t.token FROM contact_push_tokens t"
                    + " JOIN contacts k ON k.id = t.contact_id WHERE " + where)) {
                ps.setString(1, arg);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        JsonArray tokens = out.get(rs.getString(1)).getJsonArray("pushTokens");
                        if (!tokens.contains(rs.getString(2))) {
                            tokens.add(rs.getString(2));
                        }
                    }
                }
            }
        }
        return new ArrayList<>(out.values());
    }
}
