package org.sahaya.server.report.sla;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.incident.TriageAction;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.persistence.Jdbc;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.notify.outbox.NotificationRepository;
import org.sahaya.notify.receipt.StatusHistoryRepository;

/**
 * A month of incidents with known times, written as the node writes them (incidents, timeline and the
 * family's outbox through their repositories; jobs and partner deliveries as rows of issue 17's tables),
 * on a simulated clock: every time is the incident's opening plus a number of seconds, nothing waits.
 * The expected figures are worked out by hand in {@link SlaReportMonthTest}.
 *
 * <pre>
 * incident  opened (IST)        subscriber  accepted            family             on scene  lead    fleet   hospital
 * I-01      2026-11-02 10:00    S-1 ACME    job +60             SMS dlv +20        600       1100    FLEET-A H-1
 * I-02      2026-11-03 10:00    S-2 ACME    queued, job +420    sandbox rec. +30   900       -       FLEET-A H-1
 * I-03      2026-11-10 10:00    S-3 GLOBEX  2 refused, job +350 SMS failed, voice +150  990   -       FLEET-B H-2
 * I-04      2026-11-16 10:00    S-4 -       no job, EN_ROUTE +80 push sent +10     480     (late)  FLEET-B H-2
 * I-05      2026-11-20 10:00    S-1 ACME    held, job +320      SMS dlv +260       700       1000    FLEET-A H-1
 * I-06      2026-11-24 10:00    S-2 ACME    job +290            SMS dlv +119       600       -       FLEET-A H-2
 * I-07      2026-11-25 10:00    S-5 ACME    withdrew ANONYMOUS_STATISTICS: not counted
 * I-08      2026-11-26 10:00    S-3         record only (low battery): not counted
 * I-09      2026-11-27 10:00    S-4         closed while verifying, no unit sought: not counted
 * I-10      2026-11-28 10:00    S-3 GLOBEX  job +30             no family messages -       -       FLEET-B H-2
 * I-11      2026-10-31 23:00    S-1 ACME    job +500            SMS dlv +40        1200      -       FLEET-A H-1
 * I-12      2026-12-01 01:00    S-4 -       job +100            none               -         -       FLEET-B H-2
 * </pre>
 * I-11 is 17:30 UTC on 31 October and I-12 19:30 UTC on 30 November: the city's zone (Asia/Kolkata)
 * puts them in October and December.
 */
final class SlaMonth {

    static final ZoneId CITY = ZoneId.of("Asia/Kolkata");

    private final IncidentRepository incidents = new IncidentRepository();
    private final TimelineRepository timeline = new TimelineRepository();
    private final NotificationRepository outbox = new NotificationRepository();
    private final StatusHistoryRepository history = new StatusHistoryRepository();
    private int notifications;
    private int deliveries;

    static Instant opened(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CITY).toInstant();
    }

    static void write(Database database) {
        database.inTransaction(c -> {
            new SlaMonth().all(c);
            return null;
        });
    }

    private void all(Connection c) throws SQLException {
        city(c);
        // I-01: all well; a pre-arrival notice 1100 s before the unit reached the hospital
        Instant t = opened("2026-11-02T10:00");
        incident(c, "I-01", "S-1", t, IncidentState.CLOSED, TriageAction.DISPATCH_NOW, "A-1", "H-1");
        stamp(c, "I-01", t, 10, TimelineStage.DISPATCHED);
        job(c, "J-01", "I-01", "A-1", "FLEET-A", "DONE", t, 10, 60);
        stamp(c, "I-01", t, 70, TimelineStage.UNIT_EN_ROUTE);
        stamp(c, "I-01", t, 610, TimelineStage.UNIT_ON_SCENE);
        preArrival(c, "I-01", "H-1", t, 700);
        stamp(c, "I-01", t, 1800, TimelineStage.UNIT_AT_HOSPITAL);
        message(c, "I-01", "C-1", Channel.SMS, t, 5, 20, null);
        // I-02: no unit free: queued, then dispatched at +400 and accepted at +420
        t = opened("2026-11-03T10:00");
        incident(c, "I-02", "S-2", t, IncidentState.CLOSED, TriageAction.DISPATCH_NOW, "A-2", "H-1");
        stamp(c, "I-02", t, 5, TimelineStage.QUEUED);
        stamp(c, "I-02", t, 400, TimelineStage.DISPATCHED);
        job(c, "J-02", "I-02", "A-2", "FLEET-A", "DONE", t, 400, 420);
        stamp(c, "I-02", t, 1300, TimelineStage.UNIT_ON_SCENE);
        // an SMS the embedded sandbox recorded (the demo's phone): delivered when recorded, +30
        message(c, "I-02", "C-2", Channel.SMS, t, 25, null, null);
        sandbox(c, "N-" + notifications, t, 30);
        // I-03: a crew declined, another let the offer time out, the third accepted; the SMS failed over to voice
        t = opened("2026-11-10T10:00");
        incident(c, "I-03", "S-3", t, IncidentState.CLOSED, TriageAction.DISPATCH_NOW, "B-2", "H-2");
        stamp(c, "I-03", t, 10, TimelineStage.DISPATCHED);
        refusedJob(c, "J-03a", "I-03", "B-1", "FLEET-B", "DECLINED", t, 10, 40);
        refusedJob(c, "J-03b", "I-03", "A-1", "FLEET-A", "TIMED_OUT", t, 40, 100);
        job(c, "J-03c", "I-03", "B-2", "FLEET-B", "DONE", t, 100, 350);
        stamp(c, "I-03", t, 1000, TimelineStage.UNIT_ON_SCENE);
        message(c, "I-03", "C-3", Channel.SMS, t, 5, null, 50L);
        stamp(c, "I-03", t, 50, TimelineStage.NOTIFICATION_FAILOVER);
        message(c, "I-03", "C-3", Channel.VOICE, t, 60, 150, null);
        // I-04: no job row (a fleet without the jobs API): accepted is the unit's first EN_ROUTE; the notice came late
        t = opened("2026-11-16T10:00");
        incident(c, "I-04", "S-4", t, IncidentState.CLOSED, TriageAction.DISPATCH_NOW, "B-1", "H-2");
        stamp(c, "I-04", t, 20, TimelineStage.DISPATCHED);
        stamp(c, "I-04", t, 80, TimelineStage.UNIT_EN_ROUTE);
        stamp(c, "I-04", t, 500, TimelineStage.UNIT_ON_SCENE);
        stamp(c, "I-04", t, 2000, TimelineStage.UNIT_AT_HOSPITAL);
        preArrival(c, "I-04", "H-2", t, 2100);
        message(c, "I-04", "C-4", Channel.PUSH, t, 10, null, null);
        // I-05: the minority side held the dispatch; both targets missed
        t = opened("2026-11-20T10:00");
        incident(c, "I-05", "S-1", t, IncidentState.CLOSED, TriageAction.DISPATCH_NOW, "A-1", "H-1");
        stamp(c, "I-05", t, 5, TimelineStage.DISPATCH_HELD);
        stamp(c, "I-05", t, 200, TimelineStage.DISPATCHED);
        job(c, "J-05", "I-05", "A-1", "FLEET-A", "DONE", t, 200, 320);
        stamp(c, "I-05", t, 900, TimelineStage.UNIT_ON_SCENE);
        preArrival(c, "I-05", "H-1", t, 1400);
        preArrival(c, "I-05", "H-1", t, 1500);
        stamp(c, "I-05", t, 2400, TimelineStage.UNIT_AT_HOSPITAL);
        message(c, "I-05", "C-1", Channel.SMS, t, 250, 260, null);
        // I-06: just inside both targets
        t = opened("2026-11-24T10:00");
        incident(c, "I-06", "S-2", t, IncidentState.CLOSED, TriageAction.DISPATCH_NOW, "A-2", "H-2");
        stamp(c, "I-06", t, 10, TimelineStage.DISPATCHED);
        job(c, "J-06", "I-06", "A-2", "FLEET-A", "DONE", t, 10, 290);
        stamp(c, "I-06", t, 610, TimelineStage.UNIT_ON_SCENE);
        message(c, "I-06", "C-2", Channel.SMS, t, 10, 119, null);
        // I-07: its subscriber withdrew consent to anonymous statistics: a bad incident nobody may count
        t = opened("2026-11-25T10:00");
        incident(c, "I-07", "S-5", t, IncidentState.CLOSED, TriageAction.DISPATCH_NOW, "A-1", "H-1");
        stamp(c, "I-07", t, 5, TimelineStage.QUEUED);
        job(c, "J-07", "I-07", "A-1", "FLEET-A", "DONE", t, 900, 1000);
        message(c, "I-07", "C-5", Channel.SMS, t, 10, 900, null);
        // I-08: record only
        t = opened("2026-11-26T10:00");
        incidents.insert(c, new Incident("I-08", "S-3", AlertType.LOW_BATTERY, Priority.P4, TriageAction.RECORD_ONLY,
                IncidentState.RECORDED, new Coordinates(12.97, 77.59), t, t, null, null, null, null, null, null));
        // I-09: closed by a coordinator while it was being verified: no unit was ever sought
        t = opened("2026-11-27T10:00");
        incident(c, "I-09", "S-4", t, IncidentState.CLOSED, TriageAction.VERIFY_FIRST, null, null);
        stamp(c, "I-09", t, 0, TimelineStage.ALERT_RECEIVED);
        stamp(c, "I-09", t, 30, TimelineStage.CLOSED);
        // I-10: no family messages at all (none planned): the family target does not apply
        t = opened("2026-11-28T10:00");
        incident(c, "I-10", "S-3", t, IncidentState.DISPATCHED, TriageAction.DISPATCH_NOW, "B-1", "H-2");
        stamp(c, "I-10", t, 10, TimelineStage.DISPATCHED);
        job(c, "J-10", "I-10", "B-1", "FLEET-B", "ACCEPTED", t, 10, 30);
        // I-11: 31 October in Bengaluru; accepted late for no reason the rows show
        t = opened("2026-10-31T23:00");
        incident(c, "I-11", "S-1", t, IncidentState.CLOSED, TriageAction.DISPATCH_NOW, "A-1", "H-1");
        stamp(c, "I-11", t, 10, TimelineStage.DISPATCHED);
        job(c, "J-11", "I-11", "A-1", "FLEET-A", "DONE", t, 10, 500);
        stamp(c, "I-11", t, 1210, TimelineStage.UNIT_ON_SCENE);
        message(c, "I-11", "C-1", Channel.SMS, t, 20, 40, null);
        // I-12: 1 December in Bengaluru (still 30 November in UTC)
        t = opened("2026-12-01T01:00");
        incident(c, "I-12", "S-4", t, IncidentState.CLOSED, TriageAction.DISPATCH_NOW, "B-1", "H-2");
        stamp(c, "I-12", t, 10, TimelineStage.DISPATCHED);
        job(c, "J-12", "I-12", "B-1", "FLEET-B", "DONE", t, 10, 100);
    }

    private void city(Connection c) throws SQLException {
        for (String[] p : new String[][] {{"FLEET-A", "FLEET"}, {"FLEET-B", "FLEET"}, {"H-1", "HOSPITAL"}, {"H-2", "HOSPITAL"}}) {
            exec(c, "INSERT INTO partners (id, kind, name) VALUES (?,?,?)", p[0], p[1], p[0] + " name");
        }
        for (String h : new String[] {"H-1", "H-2"}) {
            exec(c, "INSERT INTO hospitals (id, name, lat, lon, partner) VALUES (?, ?, 12.97, 77.59, TRUE)", h, h + " name");
        }
        for (String[] u : new String[][] {{"A-1", "FLEET-A"}, {"A-2", "FLEET-A"}, {"B-1", "FLEET-B"}, {"B-2", "FLEET-B"}}) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO units (id, call_sign, unit_level, station, lat, lon,"
                    + " status, updated_at, partner_id) VALUES (?, ?, 'ALS', 'Station', 12.97, 77.59, 'AVAILABLE', ?, ?)")) {
                ps.setString(1, u[0]);
                ps.setString(2, "KA-" + u[0]);
                Jdbc.setInstant(ps, 3, Instant.parse("2026-10-01T00:00:00Z"));
                ps.setString(4, u[1]);
                ps.executeUpdate();
            }
        }
        String[][] subscribers = {{"S-1", "ACME"}, {"S-2", "ACME"}, {"S-3", "GLOBEX"}, {"S-4", null}, {"S-5", "ACME"}};
        for (int i = 0; i < subscribers.length; i++) {
            exec(c, "INSERT INTO subscribers (id, name, home_lat, home_lon, language, client_id) VALUES (?, ?, 12.97, 77.59,"
                    + " 'en', ?)", subscribers[i][0], "Senior " + (i + 1), subscribers[i][1]);
            exec(c, "INSERT INTO contacts (id, subscriber_id, name, relation, phone, language, time_zone, call_order)"
                    + " VALUES (?, ?, 'Family', 'daughter', '+447911123456', 'en-GB', 'Europe/London', 1)",
                    "C-" + (i + 1), subscribers[i][0]);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO consents (subscriber_id, purpose, granted, recorded_by,"
                + " recorded_at, method) VALUES ('S-5', 'ANONYMOUS_STATISTICS', FALSE, 'demo-admin', ?, 'WRITTEN')")) {
            Jdbc.setInstant(ps, 1, Instant.parse("2026-10-01T00:00:00Z"));
            ps.executeUpdate();
        }
    }

    private void incident(Connection c, String id, String subscriber, Instant opened, IncidentState state,
                          TriageAction action, String unit, String hospital) throws SQLException {
        incidents.insert(c, new Incident(id, subscriber, AlertType.FALL, Priority.P1, action, state,
                new Coordinates(12.97, 77.59), opened, opened, UnitLevel.ALS, BedKind.ER, unit, hospital, 600,
                unit == null ? null : opened.plusSeconds(10)));
        timeline.append(c, new TimelineEntry(id, opened, TimelineStage.ALERT_RECEIVED, "FALL"));
    }

    private void stamp(Connection c, String incident, Instant opened, long seconds, TimelineStage stage)
            throws SQLException {
        timeline.append(c, new TimelineEntry(incident, opened.plusSeconds(seconds), stage, stage.name()));
    }

    /** A PRIMARY job accepted {@code accepted} seconds after the alert. */
    private static void job(Connection c, String id, String incident, String unit, String fleet, String state,
                            Instant opened, long offered, long accepted) throws SQLException {
        jobRow(c, id, incident, unit, fleet, state, opened.plusSeconds(offered), opened.plusSeconds(accepted), null);
    }

    private static void refusedJob(Connection c, String id, String incident, String unit, String fleet, String state,
                                   Instant opened, long offered, long ended) throws SQLException {
        jobRow(c, id, incident, unit, fleet, state, opened.plusSeconds(offered), null, opened.plusSeconds(ended));
    }

    private static void jobRow(Connection c, String id, String incident, String unit, String fleet, String state,
                               Instant offered, Instant accepted, Instant ended) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (id, incident_id, unit_id, fleet_id, role, state,"
                + " offered_at, accept_by, accepted_at, ended_at) VALUES (?, ?, ?, ?, 'PRIMARY', ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, incident);
            ps.setString(3, unit);
            ps.setString(4, fleet);
            ps.setString(5, state);
            Jdbc.setInstant(ps, 6, offered);
            Jdbc.setInstant(ps, 7, offered.plusSeconds(60));
            Jdbc.setInstant(ps, 8, accepted);
            Jdbc.setInstant(ps, 9, ended);
            ps.executeUpdate();
        }
    }

    /** A pre-arrival notice delivered {@code seconds} after the alert. */
    private void preArrival(Connection c, String incident, String hospital, Instant opened, long seconds)
            throws SQLException {
        Instant at = opened.plusSeconds(seconds);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO partner_deliveries (delivery_id, partner_id, transport,"
                + " kind, incident_id, body, created_at, decided_at, attempts, next_attempt_at, delivered_at, last_status)"
                + " VALUES (?, ?, 'FHIR', 'PRE_ARRIVAL', ?, '{}', ?, ?, 1, ?, ?, 200)")) {
            ps.setString(1, "D-" + ++deliveries);
            ps.setString(2, hospital);
            ps.setString(3, incident);
            Jdbc.setInstant(ps, 4, at.minusSeconds(1));
            Jdbc.setInstant(ps, 5, opened);
            Jdbc.setInstant(ps, 6, at.minusSeconds(1));
            Jdbc.setInstant(ps, 7, at);
            ps.executeUpdate();
        }
    }

    /**
     * A family message sent {@code sent} seconds after the alert, DELIVERED at {@code delivered} (null: no
     * receipt) or FAILED at {@code failed}.
     */
    private void message(Connection c, String incident, String contact, Channel channel, Instant opened, long sent,
                         Integer delivered, Long failed) throws SQLException {
        String id = "N-" + ++notifications;
        outbox.insertIfAbsent(c, new Notification(id, incident, contact, channel, "DISPATCHED", "en-GB", "text",
                NotificationStatus.PENDING, opened.plusSeconds(1), null, null, null));
        outbox.markSent(c, id, opened.plusSeconds(sent), "PROVIDER-" + id);
        if (delivered != null) {
            outbox.moveTo(c, id, NotificationStatus.DELIVERED, null);
            history.append(c, new StatusHistoryRepository.Change(id, NotificationStatus.DELIVERED,
                    opened.plusSeconds(delivered), "twilio-status", null));
        }
        if (failed != null) {
            outbox.markFailed(c, id, "TWILIO_30003");
            history.append(c, new StatusHistoryRepository.Change(id, NotificationStatus.FAILED,
                    opened.plusSeconds(failed), "twilio-status", "30003"));
        }
    }

    /** The sandbox channel recorded message {@code id} {@code seconds} after the alert. */
    private static void sandbox(Connection c, String id, Instant opened, long seconds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sandbox_messages (notification_id, recipient, language,"
                + " body, sent_at) VALUES (?, '+447911123456', 'en-GB', 'text', ?)")) {
            ps.setString(1, id);
            Jdbc.setInstant(ps, 2, opened.plusSeconds(seconds));
            ps.executeUpdate();
        }
    }

    private static void exec(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
