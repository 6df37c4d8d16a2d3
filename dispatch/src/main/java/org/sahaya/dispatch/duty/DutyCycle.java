package org.sahaya.dispatch.duty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.dispatch.assignment.Declines;
import org.sahaya.dispatch.assignment.DispatchOutcome;
import org.sahaya.dispatch.assignment.Dispatcher;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.fleet.GridFleet;
import org.sahaya.dispatch.fleet.StatusChange;
import org.sahaya.dispatch.fleet.StatusEffect;
import org.sahaya.dispatch.incident.CloseResult;
import org.sahaya.dispatch.incident.GridIncidents;
import org.sahaya.dispatch.incident.IncidentClosing;

/**
 * A fleet partner's status report and what follows from it for the unit's incident: a decline or a
 * breakdown sends another unit (or queues the incident, bed kept); a hand-over or treatment on scene
 * closes it. Every step is on the incident's timeline. Blocking.
 */
public final class DutyCycle {

    private final GridFleet fleet;
    private final FleetIndex index;
    private final GridIncidents incidents;
    private final Dispatcher dispatcher;
    private final IncidentClosing closing;
    private final Database database;
    private final Clock clock;
    private final TimelineRepository timeline = new TimelineRepository();
    private final Declines declines;

    public DutyCycle(GridFleet fleet, FleetIndex index, GridIncidents incidents, Dispatcher dispatcher,
                     IncidentClosing closing, Database database, Clock clock) {
        this.fleet = fleet;
        this.index = index;
        this.incidents = incidents;
        this.dispatcher = dispatcher;
        this.closing = closing;
        this.database = database;
        this.clock = clock;
        this.declines = new Declines(database);
    }

    /** @param note the crew's reason, if they gave one (put on the timeline) */
    public StatusReport report(String unitId, UnitStatus status, String note) {
        StatusChange change = fleet.changeStatus(unitId, status);
        if (!(change instanceof StatusChange.Changed changed)) {
            return new StatusReport(change, List.of(), null, null, List.of());
        }
        Unit before = changed.before();
        Unit after = changed.after();
        index.update(after);
        String incidentId = before.incidentId();
        String said = note == null || note.isBlank() ? "" : " (" + note.strip() + ")";
        List<DispatchOutcome> outcomes = new ArrayList<>();
        List<IncidentChange> changes = new ArrayList<>();
        Instant now = clock.instant();
        String declined = null;
        // What the crew reported decides the effect: a unit kept out of service by an admin reports AVAILABLE
        // and becomes OUT_OF_SERVICE, which is still the end of its job, not a breakdown.
        switch (StatusEffect.of(before.status(), status, incidentId != null)) {
            case REDISPATCH -> {
                Optional<Incident> left = incidents.unitLeft(incidentId, unitId, now);
                if (left.isPresent()) {
                    boolean declinedIt = status == UnitStatus.AVAILABLE;
                    if (declinedIt) {
                        // Recorded before the re-dispatch so that neither it nor the queue offers it back.
                        declines.record(incidentId, unitId, clock.instant());
                    }
                    stamp(incidentId, TimelineStage.UNIT_LEFT, "Unit " + before.callSign() + (declinedIt
                            ? " declined" : " went out of service while " + before.status()) + said
                            + ": sending the next unit; the bed reservation is kept");
                    changes.add(new IncidentChange.UnitReleased(left.get(), now, unitId, declinedIt
                            ? IncidentChange.Reason.DECLINED : IncidentChange.Reason.OUT_OF_SERVICE, declinedIt
                            ? "the crew of " + before.callSign() + " declined" + said
                            : before.callSign() + " went out of service"));
                    outcomes.add(dispatcher.dispatch(incidentId, Set.of(unitId)));
                    declined = incidentId;
                }
            }
            case CLOSE_HANDED_OVER -> closed(closing.close(incidentId, "unit " + before.callSign()
                    + " handed the patient over and reports " + after.status() + said, true), now,
                    IncidentChange.Ending.HANDED_OVER, before.callSign() + " handed the patient over", changes);
            case CLOSE_TREATED_ON_SCENE -> closed(closing.close(incidentId, "unit " + before.callSign()
                    + " left the scene without transport and reports " + after.status() + said, false), now,
                    IncidentChange.Ending.TREATED_ON_SCENE, before.callSign() + " treated the patient without transport", changes);
            case NONE -> {
                if (incidentId != null) {
                    stamp(incidentId, TimelineStage.unitReported(after.status()), "Unit " + before.callSign() + " reports " + after.status() + said);
                    if (after.status().isOnIncident() && after.status() != UnitStatus.DISPATCHED) {
                        incidents.get(incidentId).ifPresent(i -> changes.add(
                                new IncidentChange.UnitProgress(i, now, unitId, after.status())));
                    }
                }
            }
        }
        return new StatusReport(change, outcomes, after.isAvailable() ? after : null, declined, changes);
    }

    /**
     * The crew of {@code unitId} did not accept its job on {@code incidentId} within {@code waited}: the unit
     * is released and the incident goes to the next best unit, exactly as after a crew's decline (recorded in
     * {@code incident_declines}, so it is not offered to this unit again). Nothing happens unless the unit is
     * still DISPATCHED on that incident, checked atomically in the grid: a crew that accepted meanwhile keeps it.
     */
    public StatusReport notAccepted(String unitId, String incidentId, Duration waited) {
        StatusChange change = fleet.releaseUnacknowledged(unitId, incidentId);
        if (!(change instanceof StatusChange.Changed changed)) {
            return new StatusReport(change, List.of(), null, null, List.of());
        }
        Unit before = changed.before();
        Unit after = changed.after();
        index.update(after);
        Instant now = clock.instant();
        List<DispatchOutcome> outcomes = new ArrayList<>();
        List<IncidentChange> changes = new ArrayList<>();
        Optional<Incident> left = incidents.unitLeft(incidentId, unitId, now);
        if (left.isPresent()) {
            declines.record(incidentId, unitId, now);
            String within = "did not accept within " + waited.toSeconds() + " s";
            stamp(incidentId, TimelineStage.UNIT_LEFT, "Unit " + before.callSign() + " " + within
                    + ": sending the next unit; the bed reservation is kept");
            changes.add(new IncidentChange.UnitReleased(left.get(), now, unitId, IncidentChange.Reason.NOT_ACCEPTED_IN_TIME,
                    "the crew of " + before.callSign() + " " + within));
            outcomes.add(dispatcher.dispatch(incidentId, Set.of(unitId)));
        }
        return new StatusReport(change, outcomes, after.isAvailable() ? after : null, left.isPresent() ? incidentId : null,
                changes);
    }

    private static void closed(CloseResult result, Instant at, IncidentChange.Ending ending, String why,
                               List<IncidentChange> changes) {
        if (result instanceof CloseResult.Closed closed) {
            changes.add(new IncidentChange.Closed(closed.incident(), at, ending, why));
        }
    }

    private void stamp(String incidentId, TimelineStage stage, String message) {
        database.inTransaction(c -> {
            timeline.append(c, new TimelineEntry(incidentId, clock.instant(), stage, message));
            return null;
        });
    }
}
