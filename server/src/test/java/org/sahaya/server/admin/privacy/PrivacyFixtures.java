package org.sahaya.server.admin.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.map.IMap;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sahaya.core.json.Json;
import org.sahaya.core.secret.SecretColumn;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;

/** What the privacy tests share: synthetic people written over demo subscribers, alerts, and the search of everything. */
final class PrivacyFixtures {

    private PrivacyFixtures() {
    }

    static String subscriberOf(Node node, String deviceId) {
        return node.database().withConnection(c -> Rows.strings(c, "SELECT subscriber_id FROM devices WHERE id = ?",
                deviceId).getFirst());
    }

    static void sql(Node node, String sql, Object... args) {
        node.database().withConnection(c -> Rows.update(c, sql, args));
    }

    /** Gives the subscriber a synthetic identity: name, home details, sealed medical profile, contacts' names and phones. */
    static List<String> becomeSomeoneElse(Node node, String subscriberId, String name, String address,
                                          JsonObject medical, String phonePrefix) {
        String sealed = node.secrets().seal(SecretColumn.MEDICAL_PROFILE, subscriberId, medical.encode());
        sql(node, "UPDATE subscribers SET name = ?, address = ?, landmark = ?, access_notes = ?, medical_profile = ?"
                + " WHERE id = ?", name, address, "opposite the violet water tank of " + name,
                "key with the neighbour of " + name, sealed, subscriberId);
        List<String> contacts = node.database().withConnection(c -> Rows.strings(c,
                "SELECT id FROM contacts WHERE subscriber_id = ? ORDER BY id", subscriberId));
        assertThat(contacts).as("the demo subscriber has family contacts").isNotEmpty();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            String phone = phonePrefix + (10 + i);
            phones.add(phone);
            sql(node, "UPDATE contacts SET name = ?, phone = ? WHERE id = ?", "Relative " + i + " of " + name, phone,
                    contacts.get(i));
            sql(node, "INSERT INTO contact_push_tokens (contact_id, token) VALUES (?, ?)", contacts.get(i),
                    "push-" + phone.substring(1));
        }
        return phones;
    }

    static void consent(Node node, String subscriberId, String purpose, boolean granted) {
        sql(node, "DELETE FROM consents WHERE subscriber_id = ? AND purpose = ?", subscriberId, purpose);
        sql(node, "INSERT INTO consents (subscriber_id, purpose, granted, recorded_by, recorded_at, method)"
                + " VALUES (?, ?, ?, ?, ?, ?)", subscriberId, purpose, granted, "test-admin",
                Instant.now().atOffset(ZoneOffset.UTC), "WRITTEN");
        sql(node, "INSERT INTO consent_history (subscriber_id, purpose, granted, recorded_by, recorded_at, method)"
                + " VALUES (?, ?, ?, ?, ?, ?)", subscriberId, purpose, granted, "test-admin",
                Instant.now().atOffset(ZoneOffset.UTC), "WRITTEN");
    }

    /** A fall with vitals and a location from {@code device}, dispatched: the incident as a supervisor sees it. */
    static JsonObject dispatchedFall(DeviceClient devices, String device, String alertId) {
        JsonObject alert = DeviceClient.alert(alertId, device, "FALL")
                .put("location", new JsonObject().put("lat", 12.9716).put("lon", 77.5946).put("accuracyM", 8))
                .put("vitals", new JsonObject().put("heartRate", 131).put("note", "vitals-of-" + alertId));
        HttpResponse<String> r = devices.send(device, alert.encode());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = new JsonObject(r.body()).getString("incidentId");
        return await().atMost(Duration.ofSeconds(20)).until(() -> devices.incident(id),
                i -> "DISPATCHED".equals(i.getString("state")) && i.getJsonObject("hospital") != null);
    }

    /** Every place a term is found: {@code table.column} of every row of every table, and {@code map[key]} of every grid map. */
    static List<String> findEverywhere(Node node, List<String> terms) {
        List<String> hits = new ArrayList<>(node.database().withConnection(c -> inTables(c, terms)));
        for (DistributedObject object : node.grid().hazelcast().getDistributedObjects()) {
            if (object instanceof IMap<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String text = e.getKey() + " " + e.getValue() + " " + json(e.getValue());
                    terms.stream().filter(text::contains).forEach(t -> hits.add(map.getName() + "[" + e.getKey() + "]: " + t));
                }
            }
        }
        return hits;
    }

    private static List<String> inTables(Connection c, List<String> terms) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, null, "%", null)) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String type = rs.getString("TABLE_TYPE");
                if (schema != null && schema.equalsIgnoreCase("PUBLIC") && type != null && type.contains("TABLE")) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        assertThat(tables).as("the scan sees the tables").contains("SUBSCRIBERS", "SANDBOX_MESSAGES", "AUDIT_LOG");
        List<String> hits = new ArrayList<>();
        for (String table : tables) {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM \"" + table + "\"");
                 ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int col = 1; col <= columns; col++) {
                        String value = rs.getString(col);
                        if (value == null) {
                            continue;
                        }
                        for (String term : terms) {
                            if (value.contains(term)) {
                                hits.add(table + "." + rs.getMetaData().getColumnName(col) + ": " + term);
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }

    private static String json(Object value) {
        try {
            return Json.write(value);
        } catch (RuntimeException e) {
            return "";
        }
    }
}
