package org.sahaya.server.admin.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes the personal data of finished incidents and keeps their anonymous facts, inside the caller's
 * transaction: the one purge behind both the retention job and the erasure of a subscriber.
 *
 * <p>Removed: the body, provider id and failure text of every family message (the recipient's number
 * is in the message's contact, which erasure handles), status details, the sandbox inbox's copies
 * (recipient and body), hand-over errors (a provider's error may quote the number), pending failovers,
 * who acknowledged, alert vitals and the alert's own location, the text of every timeline line (free
 * text: reasons, crew notes, names), the reasons a job ended and a hospital decided (free text too), and
 * the body of every delivery to a partner (the job and the pre-arrival Bundle carry name, address and
 * the medical profile; one not yet delivered is given up, never sent); the incident's location is coarsened to a cell of 0.01 degrees
 * (about 1 km). Kept: ids, times, stages, priority, alert type, triage, unit, hospital, bed kind, ETA,
 * message channels and statuses: what the service-level reports count. Blocking JDBC.
 */
final class IncidentPurge {

    /** What replaces a text that is gone; the NOT NULL columns keep a value. */
    static final String GONE = "[removed]";

    private IncidentPurge() {
    }

    /** Purges {@code incidentIds} and marks them purged at {@code now}; answers rows changed per kind. */
    static Map<String, Integer> purge(Connection c, List<String> incidentIds, Instant now) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (incidentIds.isEmpty()) {
            return counts;
        }
        Object[] ids = incidentIds.toArray();
        String in = "(" + Rows.marks(ids.length) + ")";
        String notifications = "SELECT id FROM notifications WHERE incident_id IN " + in;
        counts.put("sandboxMessages", Rows.update(c, "DELETE FROM sandbox_messages WHERE notification_id IN ("
                + notifications + ")", ids));
        Rows.update(c, "UPDATE notification_status_history SET detail = NULL WHERE detail IS NOT NULL"
                + " AND notification_id IN (" + notifications + ")", ids);
        Rows.update(c, "UPDATE notification_handovers SET last_error = NULL WHERE last_error IS NOT NULL"
                + " AND notification_id IN (" + notifications + ")", ids);
        Rows.update(c, "DELETE FROM notification_failovers WHERE notification_id IN (" + notifications + ")", ids);
        counts.put("notifications", Rows.update(c, "UPDATE notifications SET body = ?, provider_id = NULL,"
                + " failure_reason = NULL, last_error = NULL WHERE body <> ? AND incident_id IN " + in,
                prepend(ids, GONE, GONE)));
        counts.put("alerts", Rows.update(c, "UPDATE alerts SET vitals = NULL, lat = NULL, lon = NULL, accuracy_m = NULL"
                + " WHERE (vitals IS NOT NULL OR lat IS NOT NULL) AND incident_id IN " + in, ids));
        counts.put("timelineLines", Rows.update(c, "UPDATE timeline SET message = ? WHERE message <> ?"
                + " AND incident_id IN " + in, prepend(ids, GONE, GONE)));
        Rows.update(c, "UPDATE escalations SET acknowledged_by = NULL WHERE acknowledged_by IS NOT NULL"
                + " AND incident_id IN " + in, ids);
        counts.put("jobs", Rows.update(c, "UPDATE jobs SET end_reason = ? WHERE end_reason IS NOT NULL AND end_reason <> ?"
                + " AND incident_id IN " + in, prepend(ids, GONE, GONE)));
        Rows.update(c, "UPDATE hospital_decisions SET reason = ? WHERE reason IS NOT NULL AND reason <> ?"
                + " AND incident_id IN " + in, prepend(ids, GONE, GONE));
        counts.put("partnerDeliveries", Rows.update(c, "UPDATE partner_deliveries SET body = ?,"
                + " given_up_at = CASE WHEN delivered_at IS NULL AND given_up_at IS NULL THEN ? ELSE given_up_at END,"
                + " last_error = CASE WHEN delivered_at IS NULL THEN ? ELSE last_error END"
                + " WHERE body <> ? AND incident_id IN " + in,
                prepend(ids, GONE, now.atOffset(ZoneOffset.UTC), "personal data purged before delivery", GONE)));
        counts.put("incidents", Rows.update(c, "UPDATE incidents SET lat = FLOOR(lat * 100) / 100,"
                + " lon = FLOOR(lon * 100) / 100, personal_data_purged_at = ? WHERE id IN " + in,
                prepend(ids, now.atOffset(ZoneOffset.UTC))));
        return counts;
    }

    /** Adds {@code b}'s counts to {@code a}'s. */
    static Map<String, Integer> add(Map<String, Integer> a, Map<String, Integer> b) {
        Map<String, Integer> sum = new LinkedHashMap<>(a);
        b.forEach((k, v) -> sum.merge(k, v, Integer::sum));
        return sum;
    }

    /** {@code k1=v1 k2=v2 ...}: counts as an audit record says them. */
    static String said(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(" ", parts);
    }

    private static Object[] prepend(Object[] ids, Object... first) {
        Object[] all = new Object[first.length + ids.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(ids, 0, all, first.length, ids.length);
        return all;
    }
}
