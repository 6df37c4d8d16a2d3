package org.sahaya.server.report.sla;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahaya.core.persistence.Jdbc;
import org.sahaya.server.admin.privacy.StatisticsConsent;

/**
 * Reads the facts of the incidents a service-level report counts: opened in the period, sent to triage for
 * an ambulance (not record-only, not stood down), of subscribers who have not withdrawn their consent to
 * anonymous statistics ({@link StatisticsConsent}). Plain JDBC that runs on H2 and PostgreSQL; blocking:
 * call it off the event loop. Six queries whatever the number of incidents.
 *
 * <p>A message the sandbox channel recorded (the embedded default's stand-in for a phone, whatever channel
 * the message was planned on) counts as delivered when it was recorded: the sandbox is the phone there.
 */
public final class SlaReader {

    private static final String COUNTED = " i.opened_at >= ? AND i.opened_at < ? AND i.triage_action <> 'RECORD_ONLY'"
            + " AND i.state NOT IN ('RECORDED', 'CANCELLED') AND " + StatisticsConsent.INCIDENTS_COUNTED;

    private static final String STAGES = "'DISPATCHED', 'QUEUED', 'DISPATCH_HELD', 'UNIT_EN_ROUTE', 'UNIT_ON_SCENE',"
            + " 'UNIT_AT_HOSPITAL', 'NOTIFICATION_FAILED', 'NOTIFICATION_FAILOVER', 'NOTIFICATIONS_FAILED'";

    /** The facts of every incident counted in {@code [from, to)}, in opening order. */
    public List<SlaFacts> read(Connection c, Instant from, Instant to) throws SQLException {
        Map<String, Builder> incidents = new LinkedHashMap<>();
        query(c, "SELECT i.id, i.opened_at, i.state, i.hospital_id, s.client_id, u.partner_id FROM incidents i"
                + " JOIN subscribers s ON s.id = i.subscriber_id LEFT JOIN units u ON u.id = i.unit_id WHERE" + COUNTED
                + " ORDER BY i.opened_at, i.id", from, to, rs -> incidents.put(rs.getString(1), new Builder(
                rs.getString(1), Jdbc.getInstant(rs, "opened_at"), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6))));
        if (incidents.isEmpty()) {
            return List.of();
        }
        query(c, "SELECT t.incident_id, t.stage, t.stamped_at FROM timeline t JOIN incidents i ON i.id = t.incident_id"
                + " WHERE t.stage IN (" + STAGES + ") AND" + COUNTED + " ORDER BY t.seq", from, to,
                rs -> at(incidents, rs).timeline.add(new SlaFacts.Stamp(rs.getString(2), Jdbc.getInstant(rs, "stamped_at"))));
        query(c, "SELECT j.incident_id, j.unit_id, j.fleet_id, j.role, j.state, j.offered_at, j.accepted_at, j.ended_at"
                + " FROM jobs j JOIN incidents i ON i.id = j.incident_id WHERE" + COUNTED + " ORDER BY j.offered_at", from,
                to, rs -> at(incidents, rs).jobs.add(new SlaFacts.Job(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Jdbc.getInstant(rs, "offered_at"), Jdbc.getInstant(rs, "accepted_at"),
                        Jdbc.getInstant(rs, "ended_at"))));
        query(c, "SELECT n.incident_id, n.channel, n.status, n.created_at, n.sent_at,"
                + " COALESCE((SELECT MIN(h.changed_at) FROM notification_status_history h WHERE h.notification_id = n.id"
                + " AND h.status IN ('DELIVERED', 'ACKNOWLEDGED')),"
                + " (SELECT MIN(sm.sent_at) FROM sandbox_messages sm WHERE sm.notification_id = n.id)) AS delivered_at,"
                + " (SELECT MIN(h.changed_at) FROM notification_status_history h WHERE h.notification_id = n.id"
                + " AND h.status = 'FAILED') AS failed_at"
                + " FROM notifications n JOIN incidents i ON i.id = n.incident_id WHERE" + COUNTED
                + " ORDER BY n.created_at", from, to,
                rs -> at(incidents, rs).messages.add(new SlaFacts.Message(rs.getString(2), rs.getString(3),
                        Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "sent_at"),
                        Jdbc.getInstant(rs, "delivered_at"), Jdbc.getInstant(rs, "failed_at"))));
        query(c, "SELECT d.incident_id, d.delivered_at FROM partner_deliveries d JOIN incidents i ON i.id = d.incident_id"
                + " WHERE d.kind = 'PRE_ARRIVAL' AND d.delivered_at IS NOT NULL AND" + COUNTED, from, to,
                rs -> at(incidents, rs).preArrivals.add(Jdbc.getInstant(rs, "delivered_at")));
        query(c, "SELECT d.incident_id, d.declined_at FROM incident_declines d JOIN incidents i ON i.id = d.incident_id"
                + " WHERE" + COUNTED, from, to, rs -> at(incidents, rs).declines.add(Jdbc.getInstant(rs, "declined_at")));
        return incidents.values().stream().map(Builder::build).toList();
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, Instant from, Instant to, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.setInstant(ps, 1, from);
            Jdbc.setInstant(ps, 2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static Builder at(Map<String, Builder> incidents, ResultSet rs) throws SQLException {
        return incidents.get(rs.getString(1));
    }

    private static final class Builder {
        private final String id;
        private final Instant openedAt;
        private final String state;
        private final String hospitalId;
        private final String clientId;
        private final String unitFleet;
        private final List<SlaFacts.Stamp> timeline = new ArrayList<>();
        private final List<SlaFacts.Job> jobs = new ArrayList<>();
        private final List<SlaFacts.Message> messages = new ArrayList<>();
        private final List<Instant> preArrivals = new ArrayList<>();
        private final List<Instant> declines = new ArrayList<>();

        Builder(String id, Instant openedAt, String state, String hospitalId, String clientId, String unitFleet) {
            this.id = id;
            this.openedAt = openedAt;
            this.state = state;
            this.hospitalId = hospitalId;
            this.clientId = clientId;
            this.unitFleet = unitFleet;
        }

        SlaFacts build() {
            return new SlaFacts(id, openedAt, state, hospitalId, clientId, unitFleet, timeline, jobs, messages,
                    preArrivals, declines);
        }
    }
}
