package org.sahaya.dispatch.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.sahaya.core.Ids;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.alert.AlertReceipt;
import org.sahaya.core.alert.VitalsBound;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.persistence.AlertRepository;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.persistence.GroupCommit;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.persistence.PersistenceException;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.dispatch.incident.GridIncidents;
import org.sahaya.dispatch.triage.Signals;
import org.sahaya.dispatch.triage.Triage;
import org.sahaya.dispatch.triage.TriageDecision;

/**
 * Steps 2 and 3 of the hot path: persist the alert, triage it and open or join the subscriber's
 * incident ({@link Correlation} decides which), all in one transaction, before the device is acknowledged.
 *
 * <p>Idempotent on (device, alert id): a resend returns the stored answer and changes nothing.
 * Two alerts of one subscriber racing each other join one incident: the database holds one open
 * slot per subscriber, and the loser of the insert retries as a join. Alerts received at the same
 * moment are stored in one transaction ({@link GroupCommit}); within it each sees the ones before it, so
 * two alerts of one subscriber in one batch still open one incident. Blocking: call it from a virtual
 * thread.
 *
 * <p>Why the receipts are striped by device, one transaction in flight per stripe: with batches of any
 * alerts committing side by side, two batches holding alerts of the same subscribers took their
 * open-incident slots in different orders and waited on each other's uncommitted rows (issue 19: lock
 * timeouts, "concurrent update in table OPEN_INCIDENTS", whole batches rolled back and run again alert by
 * alert in a surge). A device's alerts now always go to the same stripe, in order, so a batch never waits
 * on another batch for its own subscriber's slot. Only alerts of two devices of one subscriber at the same
 * moment may still meet in two stripes; the loser waits for one commit and retries as a join, and a lost
 * lock race is retried in a fresh transaction like a lost insert.
 */
public final class AlertIntake {

    private static final int ATTEMPTS = 3;

    private final Database database;
    private final Triage triage;
    private final Clock clock;
    private final Ids ids;
    private final AlertRepository alerts = new AlertRepository();
    private final IncidentRepository incidents = new IncidentRepository();
    private final DirectoryRepository directory = new DirectoryRepository();
    private final TimelineRepository timeline = new TimelineRepository();
    private final GridIncidents gridIncidents;
    /**
     * Receipts arriving together share a transaction: one commit for a burst instead of one per alert.
     * One single-lane group commit per stripe; a device's alerts always use the same one.
     */
    private final GroupCommit[] receipts;

    public AlertIntake(Database database, Grid grid, Triage triage, Clock clock) {
        this.database = database;
        this.triage = triage;
        this.clock = clock;
        this.ids = new Ids(clock);
        this.gridIncidents = new GridIncidents(grid);
        // Receipt transactions in flight at once: as many as the alert lane has connections, one per stripe.
        this.receipts = new GroupCommit[database.alerts().connections()];
        for (int i = 0; i < receipts.length; i++) {
            receipts[i] = new GroupCommit(database.alerts(), 1);
        }
    }

    /** Receipt batches rolled back and run again one alert at a time ({@link GroupCommit#rolledBack()}). */
    public long batchesRolledBack() {
        long sum = 0;
        for (GroupCommit stripe : receipts) {
            sum += stripe.rolledBack();
        }
        return sum;
    }

    /** @throws UnknownDeviceException if the device is not registered (nothing is stored) */
    public IntakeResult receive(Alert alert) {
        for (int attempt = 1; ; attempt++) {
            try {
                // The alert lane: the device waits on this commit for its acknowledgement. In a burst the
                // receipts of many alerts share one commit; each is still committed before its caller goes on.
                IntakeResult result = stripe(alert.deviceId()).run(c -> receive(c, alert));
                if (result.opened() && result.incident().state().isOpen()) {
                    // Already in the database: give the grid its copy without writing it again.
                    gridIncidents.admit(result.incident());
                }
                if (!result.receipt().duplicate() && result.receipt().outcome() == AlertOutcome.JOINED) {
                    return joined(alert, result);
                }
                return result;
            } catch (PersistenceException e) {
                // A racing resend of the same alert, or a racing alert of the same subscriber: retry reads the
                // winner. A lost lock race: retry in a fresh transaction (on a fresh connection, see Database).
                if (!(e.isDuplicateKey() || e.isLockConflict()) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private GroupCommit stripe(String deviceId) {
        return receipts[Math.floorMod(deviceId.hashCode(), receipts.length)];
    }

    private IntakeResult receive(Connection c, Alert alert) throws SQLException {
        Optional<AlertReceipt> earlier = alerts.receipt(c, alert.deviceId(), alert.alertId());
        if (earlier.isPresent()) {
            return new IntakeResult(earlier.get(), null, null);
        }
        Device device = directory.device(c, alert.deviceId()).orElseThrow(() -> new UnknownDeviceException(alert.deviceId()));
        Subscriber subscriber = directory.subscriber(c, device.subscriberId())
                .orElseThrow(() -> new PersistenceException("device " + device.id() + " has no subscriber"));
        TriageDecision decision = triage.decide(alert.type(), Signals.from(alert.vitalsJson()));
        Instant now = clock.instant();
        Correlation.Arrival arrival = Correlation.arrive(alert, subscriber, decision,
                incidents.findOpenBySubscriber(c, subscriber.id()), () -> ids.next("INC"), now);
        if (arrival instanceof Correlation.Joins joins) {
            Incident open = joins.open();
            alerts.insert(c, alert, open.id(), AlertOutcome.JOINED);
            timeline.append(c, new TimelineEntry(open.id(), now, TimelineStage.ALERT_JOINED, joins.note()));
            noteCutExtras(c, alert, open.id(), now);
            return new IntakeResult(new AlertReceipt(alert.alertId(), open.id(), AlertOutcome.JOINED, false), open, decision);
        }
        Correlation.Opens opens = (Correlation.Opens) arrival;
        Incident incident = opens.incident();
        incidents.insert(c, incident);
        if (incident.state().isOpen()) {
            incidents.claimOpenSlot(c, incident);
        }
        alerts.insert(c, alert, incident.id(), opens.outcome());
        timeline.append(c, new TimelineEntry(incident.id(), alert.receivedAt(), TimelineStage.ALERT_RECEIVED, opens.received()));
        timeline.append(c, new TimelineEntry(incident.id(), now, TimelineStage.TRIAGED, decision.reason()));
        noteCutExtras(c, alert, incident.id(), now);
        return new IntakeResult(new AlertReceipt(alert.alertId(), incident.id(), opens.outcome(), false), incident, decision);
    }

    /** Tells the coordinator the device sent more vitals than are kept (never what they were). */
    private void noteCutExtras(Connection c, Alert alert, String incidentId, Instant now) throws SQLException {
        if (alert.extrasTruncated()) {
            timeline.append(c, new TimelineEntry(incidentId, now, TimelineStage.EXTRAS_TRUNCATED, "Alert " + alert.alertId()
                    + ": its vitals went beyond " + VitalsBound.MAX_CHARS + " characters or " + VitalsBound.MAX_DEPTH
                    + " levels and were cut; the alert itself is complete"));
        }
    }

    /** What a joining alert changes ({@link Correlation#afterJoin}), applied on the incident's owner after it is stored. */
    private IntakeResult joined(Alert alert, IntakeResult result) {
        Incident open = result.incident();
        TriageDecision decision = result.decision();
        Instant now = clock.instant();
        switch (Correlation.afterJoin(open, alert.type(), decision)) {
            case STAND_DOWN -> {
                Optional<Incident> stoodDown = gridIncidents.move(open.id(), IncidentState.CANCELLED, now);
                stoodDown.ifPresent(i -> stamp(i.id(), now, TimelineStage.STOOD_DOWN, Correlation.stoodDown()));
                return stoodDown.map(i -> new IntakeResult(result.receipt(), i, decision)).orElse(result);
            }
            case RAISE -> {
                Optional<Incident> raised = gridIncidents.escalate(open.id(), decision.priority(), decision.action(),
                        decision.needs(), decision.bedKind(), now);
                raised.ifPresent(i -> stamp(i.id(), now, TimelineStage.ESCALATED, Correlation.raised(open.priority(), i, decision)));
                return raised.map(i -> new IntakeResult(result.receipt(), i, decision, true)).orElse(result);
            }
            default -> {
                return result;
            }
        }
    }

    private void stamp(String incidentId, Instant at, TimelineStage stage, String message) {
        database.alerts().inTransaction(c -> { // on the way to the acknowledgement of a joining alert
            timeline.append(c, new TimelineEntry(incidentId, at, stage, message));
            return null;
        });
    }
}
