package org.sahaya.server.admin.bundle;

import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sahaya.server.admin.RecordKind;
import org.sahaya.server.admin.RecordRefused.Fault;

/** Test-only kinds over the existing tables, standing in for the people and place helpers' real ones. */
final class TestKinds {

    final TableKind fleets = new TableKind("fleets", "partners", List.of()) {
        @Override
        Map<String, Object> columns(JsonObject json, List<Fault> faults) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("kind", "FLEET");
            c.put("name", text(json, "name", faults));
            return c;
        }
    };

    final TableKind subscribers = new TableKind("subscribers", "subscribers", List.of()) {
        @Override
        Map<String, Object> columns(JsonObject json, List<Fault> faults) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", text(json, "name", faults));
            JsonObject home = json.getValue("home") instanceof JsonObject h ? h : new JsonObject();
            c.put("home_lat", degrees(home, "lat", 90, "home.lat", faults));
            c.put("home_lon", degrees(home, "lon", 180, "home.lon", faults));
            c.put("language", json.getString("language", "en"));
            c.put("preferred_hospital_id", json.getString("preferredHospitalId"));
            return c;
        }
    };

    /** Issues a secret to a new device that came without one, as the real kind will. */
    final TableKind devices = new TableKind("devices", "devices",
            List.of(new TableKind.Reference("subscriber_id", "subscriberId", "subscribers"))) {
        private final Map<String, String> issued = new ConcurrentHashMap<>();
        private final SecureRandom random = new SecureRandom();

        @Override
        Map<String, Object> columns(JsonObject json, List<Fault> faults) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("subscriber_id", text(json, "subscriberId", faults));
            c.put("secret", json.getString("secret"));
            c.put("demo", false);
            return c;
        }

        @Override
        void created(Row row) {
            if (row.columns().get("secret") == null) {
                byte[] secret = new byte[16];
                random.nextBytes(secret);
                row.columns().put("secret", HexFormat.of().formatHex(secret));
            }
            issued.put(row.id(), (String) row.columns().get("secret"));
        }

        @Override
        public Map<String, String> issuedSecrets(List<Row> created) {
            Map<String, String> secrets = new LinkedHashMap<>();
            created.forEach(row -> secrets.put(row.id(), issued.get(row.id())));
            return secrets;
        }
    };

    final TableKind contacts = new TableKind("contacts", "contacts",
            List.of(new TableKind.Reference("subscriber_id", "subscriberId", "subscribers"))) {
        @Override
        Map<String, Object> columns(JsonObject json, List<Fault> faults) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("subscriber_id", text(json, "subscriberId", faults));
            c.put("name", text(json, "name", faults));
            c.put("relation", json.getString("relation", "family"));
            String phone = text(json, "phone", faults);
            if (phone != null && !phone.matches("\\+[1-9][0-9]{6,14}")) {
                faults.add(Fault.invalid("phone", "must be an E.164 number (+ and digits)"));
            }
            c.put("phone", phone);
            c.put("language", json.getString("language", "en"));
            c.put("time_zone", json.getString("timeZone", "Asia/Kolkata"));
            c.put("call_order", json.getValue("rank") instanceof Number n ? n.intValue() : 1);
            c.put("push_token", json.getValue("pushTokens") instanceof io.vertx.core.json.JsonArray t && !t.isEmpty()
                    ? t.getString(0) : null);
            return c;
        }
    };

    /** Every kind, in an order other than the load order (the importer sorts them). */
    List<RecordKind<?>> all() {
        return List.of(contacts, devices, subscribers, fleets);
    }

    private static String text(JsonObject json, String field, List<Fault> faults) {
        if (!(json.getValue(field) instanceof String s) || s.isBlank()) {
            faults.add(Fault.invalid(field, "is required"));
            return null;
        }
        return s;
    }

    private static Double degrees(JsonObject home, String field, int limit, String path, List<Fault> faults) {
        if (!(home.getValue(field) instanceof Number n)) {
            faults.add(Fault.invalid(path, "is required (a number)"));
            return null;
        }
        if (Math.abs(n.doubleValue()) > limit) {
            faults.add(Fault.invalid(path, "must be between -" + limit + " and " + limit));
            return null;
        }
        return n.doubleValue();
    }
}
