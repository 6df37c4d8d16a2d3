package org.sahaya.dispatch.workflow;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sahaya.core.Coordinates;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.dispatch.assignment.AssignmentResult;
import org.sahaya.dispatch.assignment.Dispatcher;
import org.sahaya.dispatch.assignment.HospitalReroute;
import org.sahaya.dispatch.assignment.UnitAssignment;
import org.sahaya.dispatch.claims.GridBedClaims;
import org.sahaya.dispatch.duty.DutyCycle;
import org.sahaya.dispatch.duty.StatusReport;
import org.sahaya.dispatch.eta.LiveEta;
import org.sahaya.dispatch.fleet.GridFleet;
import org.sahaya.dispatch.fleet.StatusEffect;
import org.sahaya.dispatch.hospital.DecisionResult;
import org.sahaya.dispatch.hospital.HospitalDecision;
import org.sahaya.dispatch.incident.CloseResult;
import org.sahaya.dispatch.incident.GridIncidents;
import org.sahaya.dispatch.incident.IncidentClosing;
import org.sahaya.dispatch.policy.QueueOrder;

/**
 * Where partners' reports and coordinators' commands arrive: unit positions and statuses, hospital
 * beds, overrides and closes. Each applies the change in the grid, then hands what follows (family
 * messages, the queue for a freed unit) to the {@link IncidentWorkflow}. On a member that does not see
 * a majority of the cluster, commands that would dispatch are refused with {@link DispatchHeld} before
 * anything changes. Blocking: call through Offload.
 */
public final class DispatchDesk {

    private final Grid grid;
    private final GridFleet fleet;
    private final DutyCycle duty;
    private final GridBedClaims beds;
    private final UnitAssignment assignment;
    private final IncidentClosing closing;
    private final IncidentWorkflow workflow;
    private final Dispatcher dispatcher;
    private final Database database;
    private final HospitalReroute reroute;
    private final IncidentRepository incidents = new IncidentRepository();
    private final LiveEta liveEta;

    /**
     * @param workflow also tells whether this member may dispatch (it sees a majority of the cluster)
     * @param reroute  the receiving hospitals' decisions
     */
    public DispatchDesk(Grid grid, GridFleet fleet, DutyCycle duty, GridBedClaims beds, UnitAssignment assignment,
                        IncidentClosing closing, IncidentWorkflow workflow, Dispatcher dispatcher, Database database,
                        HospitalReroute reroute, Clock clock) {
        this.grid = grid;
        this.fleet = fleet;
        this.duty = duty;
        this.beds = beds;
        this.assignment = assignment;
        this.closing = closing;
        this.workflow = workflow;
        this.dispatcher = dispatcher;
        this.database = database;
        this.reroute = reroute;
        this.liveEta = new LiveEta(new GridIncidents(grid), dispatcher, database, clock);
    }

    public Optional<Unit> unit(String unitId) {
        return fleet.get(unitId);
    }

    public Optional<Hospital> hospital(String hospitalId) {
        return grid.hospital(hospitalId);
    }

    /**
     * A unit's position. A unit on its way to an incident (DISPATCHED, EN_ROUTE) also refreshes the incident's
     * ETA ({@link LiveEta}); any other position is only the move (routine traffic: no database read).
     *
     * @return the unit at its new position; empty for an unknown unit
     */
    public Optional<Unit> position(String unitId, Coordinates at) {
        Optional<Unit> moved = fleet.move(unitId, at);
        if (moved.isPresent() && LiveEta.onItsWay(moved.get())) {
            liveEta.moved(moved.get()).ifPresent(change -> workflow.changed(List.of(change)));
        }
        return moved;
    }

    /**
     * A unit an admin just added or put back in service is AVAILABLE: it takes the most urgent, then oldest,
     * waiting incident it can serve, as a unit freed by its crew does.
     */
    public void unitAvailable(String unitId) {
        workflow.unitFreed(unitId, Set.of());
    }

    /** @throws DispatchHeld on a minority member, for a report that takes a unit off its incident (re-dispatch) */
    public StatusReport status(String unitId, UnitStatus status, String note) {
        if (!workflow.mayDispatch() && fleet.get(unitId).filter(u -> StatusEffect.of(u.status(), status,
                u.incidentId() != null) == StatusEffect.REDISPATCH).isPresent()) {
            throw new DispatchHeld("A crew leaving its incident (" + status + ", which re-dispatches)");
        }
        StatusReport report = duty.report(unitId, status, note);
        workflow.changed(report.changes());
        workflow.tell(report.outcomes());
        if (report.freedUnit() != null) {
            workflow.unitFreed(unitId, report.declinedIncident() == null ? Set.of() : Set.of(report.declinedIncident()));
        }
        report.alsoFreed().forEach(u -> workflow.unitFreed(u.id(), Set.of()));
        return report;
    }

    /**
     * The crew of {@code unitId} did not accept its job on {@code incidentId} within {@code waited}: the unit is
     * released and the next unit sent, as after a decline ({@link DutyCycle#notAccepted}). A no-op (the report's
     * change is not {@code Changed}) if the unit is no longer DISPATCHED on that incident, e.g. it accepted.
     *
     * @throws DispatchHeld on a minority member
     */
    public StatusReport notAccepted(String unitId, String incidentId, java.time.Duration waited) {
        if (!workflow.mayDispatch()) {
            throw new DispatchHeld("Sending the next unit after a job not accepted in time");
        }
        StatusReport report = duty.notAccepted(unitId, incidentId, waited);
        workflow.changed(report.changes());
        workflow.tell(report.outcomes());
        if (report.freedUnit() != null) {
            workflow.unitFreed(unitId, report.declinedIncident() == null ? Set.of() : Set.of(report.declinedIncident()));
        }
        return report;
    }

    /** Whether this member may dispatch now (it sees a majority of the cluster); a crew's accept or decline waits otherwise. */
    public boolean mayDispatch() {
        return workflow.mayDispatch();
    }

    /**
     * Applies a hospital's report, its own count of free beds: the beds Sahaya holds there stay held and are
     * set against it ({@link Hospital#free}). Incidents dispatched without a bed (NO_BED) of a kind now free
     * for dispatch get one, most urgent and oldest first (never at a hospital that declined them).
     *
     * @return the bed board after the report; empty for an unknown hospital
     */
    public Optional<Hospital> beds(String hospitalId, Map<BedKind, Integer> freeBeds) {
        Optional<Hospital> board = beds.report(hospitalId, freeBeds);
        board.ifPresent(dispatcher::hospitalChanged);
        if (board.isEmpty() || freeBeds.values().stream().allMatch(n -> n == 0)) {
            return board;
        }
        Hospital reported = board.get();
        List<Incident> withoutBed = database.withConnection(c -> incidents.findByStates(c,
                EnumSet.of(IncidentState.DISPATCHED), 10_000)).stream()
                .filter(i -> i.hospitalId() == null && i.bedKind() != null && reported.free(i.bedKind()) > 0)
                .sorted(QueueOrder.ORDER)
                .toList();
        withoutBed.forEach(i -> dispatcher.reserveLateBed(i.id()));
        return withoutBed.isEmpty() ? board : hospital(hospitalId);
    }

    /**
     * @param actor who gave the order, named on the timeline
     * @throws DispatchHeld on a minority member
     */
    public AssignmentResult assign(String incidentId, String unitId, String reason, String actor) {
        if (!workflow.mayDispatch()) {
            throw new DispatchHeld("A coordinator's override");
        }
        AssignmentResult result = assignment.assign(incidentId, unitId, reason, actor);
        if (result instanceof AssignmentResult.Assigned assigned) {
            if (assigned.released() != null) {
                Incident now = assigned.outcome().incident();
                workflow.changed(List.of(new IncidentChange.UnitReleased(now, now.updatedAt(), assigned.released().id(),
                        IncidentChange.Reason.REPLACED_BY_COORDINATOR, "a coordinator sent " + assigned.outcome().unit().callSign()
                        + " instead of " + assigned.released().callSign() + ": " + reason)));
            }
            workflow.tell(List.of(assigned.outcome()));
            if (assigned.released() != null) {
                workflow.unitFreed(assigned.released().id(), Set.of());
            }
        }
        return result;
    }

    /**
     * The receiving hospital accepts or declines an incoming patient; a decline moves the patient to the next
     * hospital (or to none) and the crew's job and the pre-arrival notices follow ({@link IncidentChange.HospitalChanged}).
     *
     * @param hospitalId the caller's own hospital
     * @param actor      who decided, for the record
     * @throws DispatchHeld for a decline on a minority member (it reserves another hospital's bed)
     */
    public DecisionResult hospitalDecision(String incidentId, String hospitalId, HospitalDecision.Verdict verdict,
                                           String reason, String actor) {
        if (verdict == HospitalDecision.Verdict.DECLINE && !workflow.mayDispatch()) {
            throw new DispatchHeld("A hospital's decline (which moves the patient to another hospital)");
        }
        DecisionResult result = reroute.decide(incidentId, hospitalId, verdict, reason, actor);
        if (result instanceof DecisionResult.Decided decided && decided.change() != null) {
            workflow.changed(List.of(decided.change()));
        }
        return result;
    }

    /** @param actor who closed it, named on the timeline */
    public CloseResult close(String incidentId, String reason, String actor) {
        CloseResult result = closing.close(incidentId, "by " + actor + ": " + reason, false);
        if (result instanceof CloseResult.Closed closed) {
            workflow.changed(List.of(new IncidentChange.Closed(closed.incident(), closed.incident().updatedAt(),
                    IncidentChange.Ending.CLOSED_BY_COORDINATOR, reason)));
            if (closed.freedUnit() != null) {
                workflow.unitFreed(closed.freedUnit().id(), Set.of());
            }
            if (closed.freedSupport() != null) {
                workflow.unitFreed(closed.freedSupport().id(), Set.of());
            }
        }
        return result;
    }
}
