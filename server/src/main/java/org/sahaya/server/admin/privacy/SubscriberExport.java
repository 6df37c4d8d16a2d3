package org.sahaya.server.admin.privacy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sahaya.core.json.Json;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.secret.SecretBox;

/**
 * Everything held about one subscriber, as one JSON-ready map (the right of access, DPDP Act s. 11,
 * GDPR art. 15): the profile with the opened medical profile, consents and their history, contacts
 * with preferences and push tokens, devices and their DC-09 accounts without any secret or key,
 * device health, every incident with its alerts (vitals included), timeline, family messages and
 * their statuses, escalation, the sandbox inbox, and the audit entries naming any of their records.
 *
 * <p>Each query names its columns: a secret column added later is not exported by accident. Blocking.
 */
public final class SubscriberExport {

    private static final TypeReference<Object> ANY = new TypeReference<>() {
    };

    private final Database database;
    private final SecretBox secrets;

    public SubscriberExport(Database database, SecretBox secrets) {
        this.database = database;
        this.secrets = secrets;
    }

    /** The export of {@code subscriberId}; empty if there is no such subscriber. */
    public Optional<Map<String, Object>> of(String subscriberId, Instant now) {
        return database.withConnection(c -> {
            List<Map<String, Object>> found = Rows.list(c, "SELECT id, name, home_lat, home_lon, address, landmark,"
                    + " access_notes, language, time_zone, preferred_hospital_id, client_id, updated_at, erased_at,"
                    + " medical_profile FROM subscribers WHERE id = ?", subscriberId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> profile = found.getFirst();
            Object sealed = profile.remove("medicalProfile");
            profile.put("medicalProfile", MedicalProfile.open(secrets, subscriberId, (String) sealed).orElse(null));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("exportedAt", now.toString());
            out.put("subscriber", profile);
            out.put("consents", Rows.list(c, "SELECT purpose, granted, recorded_by, recorded_at, method FROM consents"
                    + " WHERE subscriber_id = ? ORDER BY purpose", subscriberId));
            out.put("consentHistory", Rows.list(c, "SELECT purpose, granted, recorded_by, recorded_at, method"
                    + " FROM consent_history WHERE subscriber_id = ? ORDER BY seq", subscriberId));
            out.put("contacts", contacts(c, subscriberId));
            out.put("devices", Rows.list(c, "SELECT d.id, d.demo, d.heartbeat_seconds, d.previous_secret_until AS rotation_grace_until,"
                    + " d.revoked_at, h.last_heard_at, h.last_gateway, h.battery_percent, h.offline_since,"
                    + " h.low_battery_since FROM devices d LEFT JOIN device_health h ON h.device_id = d.id"
                    + " WHERE d.subscriber_id = ? ORDER BY d.id", subscriberId));
            out.put("dc09Accounts", Rows.list(c, "SELECT a.account, a.receiver, a.line_prefix, a.device_id, a.key_format,"
                    + " a.timestamp_window_seconds, a.clear_text_allowed, a.demo,"
                    + " CASE WHEN a.encryption_key IS NULL THEN FALSE ELSE TRUE END AS encrypted"
                    + " FROM dc09_accounts a JOIN devices d ON d.id = a.device_id WHERE d.subscriber_id = ?"
                    + " ORDER BY a.account", subscriberId));
            List<Map<String, Object>> incidents = incidents(c, subscriberId);
            out.put("incidents", incidents);
            out.put("sandboxMessages", Rows.list(c, "SELECT m.notification_id, m.recipient, m.language, m.body, m.sent_at"
                    + " FROM sandbox_messages m JOIN notifications n ON n.id = m.notification_id"
                    + " JOIN incidents i ON i.id = n.incident_id WHERE i.subscriber_id = ? ORDER BY m.seq", subscriberId));
            out.put("audit", audit(c, subscriberId));
            return Optional.of(out);
        });
    }

    private static List<Map<String, Object>> contacts(Connection c, String subscriberId) throws SQLException {
        List<Map<String, Object>> contacts = Rows.list(c, "SELECT id, name, relation, phone, language, time_zone,"
                + " call_order, push_token FROM contacts WHERE subscriber_id = ? ORDER BY call_order, id", subscriberId);
        for (Map<String, Object> contact : contacts) {
            String id = (String) contact.get("id");
            List<Map<String, Object>> prefs = Rows.list(c, "SELECT channels, quiet_start, quiet_end"
                    + " FROM contact_preferences WHERE contact_id = ?", id);
            contact.put("preferences", prefs.isEmpty() ? null : prefs.getFirst());
            contact.put("pushTokens", Rows.strings(c, "SELECT token FROM contact_push_tokens WHERE contact_id = ?"
                    + " ORDER BY token", id));
        }
        return contacts;
    }

    private static List<Map<String, Object>> incidents(Connection c, String subscriberId) throws SQLException {
        List<Map<String, Object>> incidents = Rows.list(c, "SELECT id, alert_type, priority, triage_action, state, lat, lon,"
                + " opened_at, updated_at, needs, bed_kind, unit_id, hospital_id, eta_seconds, dispatched_at,"
                + " personal_data_purged_at FROM incidents WHERE subscriber_id = ? ORDER BY opened_at, id", subscriberId);
        for (Map<String, Object> incident : incidents) {
            String id = (String) incident.get("id");
            List<Map<String, Object>> alerts = Rows.list(c, "SELECT device_id, alert_id, alert_type, occurred_at,"
                    + " received_at, lat, lon, accuracy_m, vitals, extras_truncated, outcome FROM alerts"
                    + " WHERE incident_id = ? ORDER BY received_at, alert_id", id);
            alerts.forEach(a -> a.put("vitals", parsed((String) a.get("vitals"))));
            incident.put("alerts", alerts);
            incident.put("timeline", Rows.list(c, "SELECT stamped_at, stage, message FROM timeline WHERE incident_id = ?"
                    + " ORDER BY seq", id));
            List<Map<String, Object>> notifications = Rows.list(c, "SELECT id, contact_id, channel, step, language,"
                    + " body, status, created_at, sent_at, not_before, provider_id, failure_reason FROM notifications"
                    + " WHERE incident_id = ? ORDER BY created_at, id", id);
            for (Map<String, Object> n : notifications) {
                n.put("statusHistory", Rows.list(c, "SELECT status, changed_at, source, detail"
                        + " FROM notification_status_history WHERE notification_id = ? ORDER BY seq", n.get("id")));
            }
            incident.put("notifications", notifications);
            List<Map<String, Object>> escalation = Rows.list(c, "SELECT priority, started_at, step, next_at,"
                    + " acknowledged_at, acknowledged_by, acknowledged_via, ended_reason FROM escalations"
                    + " WHERE incident_id = ?", id);
            incident.put("escalation", escalation.isEmpty() ? null : escalation.getFirst());
        }
        return incidents;
    }

    /**
     * The audit entries whose record names the subscriber or one of their incidents, contacts, devices
     * or DC-09 accounts (records are typed paths such as {@code incidents/INC-1}), oldest first.
     */
    private static List<Map<String, Object>> audit(Connection c, String subscriberId) throws SQLException {
        List<String> ids = new ArrayList<>(List.of(subscriberId));
        ids.addAll(Rows.strings(c, "SELECT id FROM incidents WHERE subscriber_id = ?", subscriberId));
        ids.addAll(Rows.strings(c, "SELECT id FROM contacts WHERE subscriber_id = ?", subscriberId));
        ids.addAll(Rows.strings(c, "SELECT id FROM devices WHERE subscriber_id = ?", subscriberId));
        Map<Long, Map<String, Object>> bySeq = new TreeMap<>();
        for (String id : ids) {
            for (Map<String, Object> entry : Rows.list(c, "SELECT seq, at, actor, role, action, record, address, outcome"
                    + " FROM audit_log WHERE record LIKE ? ORDER BY seq", "%" + id + "%")) {
                if (names(String.valueOf(entry.get("record")), id)) {
                    bySeq.put(((Number) entry.get("seq")).longValue(), entry);
                }
            }
        }
        return new ArrayList<>(bySeq.values());
    }

    /** Whether {@code record} names {@code id} as a whole path segment (S-1 is not S-10). */
    static boolean names(String record, String id) {
        for (String part : record.split("[/ ]")) {
            if (part.equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static Object parsed(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(json, ANY);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json;
        }
    }
}
