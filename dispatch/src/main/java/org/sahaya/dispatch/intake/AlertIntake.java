package org.sahaya.dispatch.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.sahaya.core.Coordinates;
import org.sahaya.core.Ids;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.alert.AlertReceipt;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.incident.TriageAction;
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
 * incident, all in one transaction, before the device is acknowledged.
 *
 * <p>Idempotent on (device, alert id): a resend returns the stored answer and changes nothing.
 * Two alerts of one subscriber racing each other join one incident: the database holds one open
 * slot per subscriber, and the loser of the insert retries as a join. Alerts received at the same
 * moment are stored in one transaction ({@link GroupCommit}); within it each sees the ones before it, so
 * two alerts of one subscriber in one batch still open one incident. Blocking: call it from a virtual
 * thread.
 */
public final class AlertIntake {

    private static final int ATTEMPTS = 3;

    private final Database database;
    private final Grid grid;
    private final Triage triage;
    private final Clock clock;
    private final Ids ids;
    private final AlertRepository alerts = new AlertRepository();
    private final IncidentRepository incidents = new IncidentRepository();
    private final DirectoryRepository directory = new DirectoryRepository();
    private final TimelineRepository timeline = new TimelineRepository();
    private final GridIncidents gridIncidents;
    /** Receipts arriving together share a transaction: one commit for a burst instead of one per alert. */
    private final GroupCommit receipts;

    public AlertIntake(Database database, Grid grid, Triage triage, Clock clock) {
        this.database = database;
        this.grid = grid;
        this.triage = triage;
        this.clock = clock;
        this.ids = new Ids(clock);
        this.gridIncidents = new GridIncidents(grid.incidents());
        // Receipt transactions in flight at once: as many as the alert lane has connections.
        this.receipts = new GroupCommit(database.alerts(), database.alerts().connections());
    }

    /** @throws UnknownDeviceException if the device is not registered (nothing is stored) */
    public IntakeResult receive(Alert alert) {
        for (int attempt = 1; ; attempt++) {
            try {
                // The alert lane: the device waits on this commit for its acknowledgement. In a burst the
                // receipts of many alerts share one commit; each is still committed before its caller goes on.
                IntakeResult result = receipts.run(c -> receive(c, alert));
                if (result.opened() && result.incident().state().isOpen()) {
                    // Already in the database: give the grid its copy without writing it again.
                    grid.incidents().putTransient(result.incident().id(), result.incident(), 0, java.util.concurrent.TimeUnit.SECONDS);
                }
                if (!result.receipt().duplicate() && result.receipt().outcome() == AlertOutcome.JOINED) {
                    return joined(alert, result);
                }
                return result;
            } catch (PersistenceException e) {
                // A racing resend of the same alert, or a racing alert of the same subscriber: retry reads the winner.
                if (!e.isDuplicateKey() || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
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
        Optional<Incident> open = incidents.findOpenBySubscriber(c, subscriber.id());
        if (open.isPresent()) {
            return join(c, alert, open.get(), decision, now);
        }
        Incident incident = open(alert, subscriber, decision, now);
        incidents.insert(c, incident);
        if (incident.state().isOpen()) {
            incidents.claimOpenSlot(c, incident);
        }
        AlertOutcome outcome = decision.action() == TriageAction.RECORD_ONLY ? AlertOutcome.RECORDED : AlertOutcome.OPENED;
        alerts.insert(c, alert, incident.id(), outcome);
        timeline.append(c, new TimelineEntry(incident.id(), alert.receivedAt(), TimelineStage.ALERT_RECEIVED,
                describe(alert) + " received from device " + alert.deviceId()));
        timeline.append(c, new TimelineEntry(incident.id(), now, TimelineStage.TRIAGED, decision.reason()));
        return new IntakeResult(new AlertReceipt(alert.alertId(), incident.id(), outcome, false), incident, decision);
    }

    private IntakeResult join(Connection c, Alert alert, Incident open, TriageDecision decision, Instant now)
            throws SQLException {
        alerts.insert(c, alert, open.id(), AlertOutcome.JOINED);
        String note = alert.type() == AlertType.CANCEL
                ? "\"I'm OK\" received from device " + alert.deviceId() + " while the incident is " + open.state()
                : describe(alert) + " from device " + alert.deviceId() + " joined the open incident (" + decision.priority() + ")";
        timeline.append(c, new TimelineEntry(open.id(), now, TimelineStage.ALERT_JOINED, note));
        return new IntakeResult(new AlertReceipt(alert.alertId(), open.id(), AlertOutcome.JOINED, false), open, decision);
    }

    /**
     * What a joining alert changes, applied on the incident's owner after the alert is stored: an
     * "I'm OK" stands down an incident no ambulance was sent to yet; a more urgent alert raises it.
     * After a dispatch, an "I'm OK" is only noted: the coordinator decides.
     */
    private IntakeResult joined(Alert alert, IntakeResult result) {
        Incident open = result.incident();
        TriageDecision decision = result.decision();
        Instant now = clock.instant();
        if (alert.type() == AlertType.CANCEL) {
            Optional<Incident> stoodDown = open.state() == IncidentState.DISPATCHED ? Optional.empty()
                    : gridIncidents.move(open.id(), IncidentState.CANCELLED, now);
            stoodDown.ifPresent(i -> stamp(i.id(), now, TimelineStage.STOOD_DOWN,
                    "Stood down: the device said \"I'm OK\" before any ambulance was sent"));
            return stoodDown.map(i -> new IntakeResult(result.receipt(), i, decision)).orElse(result);
        }
        if (decision.action() == TriageAction.RECORD_ONLY) {
            return result;
        }
        Optional<Incident> raised = gridIncidents.escalate(open.id(), decision.priority(), decision.action(),
                decision.needs(), decision.bedKind(), now);
        raised.ifPresent(i -> stamp(i.id(), now, TimelineStage.ESCALATED, "Raised from " + open.priority() + " to " + i.priority()
                + " (" + i.needs() + "): " + decision.reason()));
        return raised.map(i -> new IntakeResult(result.receipt(), i, decision, true)).orElse(result);
    }

    private void stamp(String incidentId, Instant at, TimelineStage stage, String message) {
        database.alerts().inTransaction(c -> { // on the way to the acknowledgement of a joining alert
            timeline.append(c, new TimelineEntry(incidentId, at, stage, message));
            return null;
        });
    }

    private Incident open(Alert alert, Subscriber subscriber, TriageDecision decision, Instant now) {
        IncidentState state = switch (decision.action()) {
            case DISPATCH_NOW -> IncidentState.NEW;
            case VERIFY_FIRST -> IncidentState.VERIFYING;
            case RECORD_ONLY -> IncidentState.RECORDED;
        };
        Coordinates where = alert.location() != null ? alert.location() : subscriber.home();
        return new Incident(ids.next("INC"), subscriber.id(), alert.type(), decision.priority(), decision.action(), state,
                where, alert.receivedAt(), now, decision.needs(), decision.bedKind(), null, null, null, null);
    }

    private static String describe(Alert alert) {
        return alert.type() + " alert " + alert.alertId() + (alert.location() == null ? " (no location: home assumed)" : "");
    }
}
