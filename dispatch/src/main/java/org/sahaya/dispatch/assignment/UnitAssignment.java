package org.sahaya.dispatch.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.Units;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.dispatch.claims.UnitClaims;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.incident.GridIncidents;
import org.sahaya.dispatch.policy.UnitOption;
import org.sahaya.geo.GeoPoint;

/**
 * The coordinator's override: send this unit to this incident. The unit is claimed like any other
 * (never taken from another incident); a unit already on the incident is released; the bed already
 * reserved is kept, or one is reserved. The coordinator's reason goes on the timeline. Capability
 * and service area are the coordinator's call and are not checked. Blocking.
 */
public final class UnitAssignment {

    /** The units as their owners hold them now: the coordinator's choice is checked there, not in the index. */
    private final Units units;
    private final GridIncidents incidents;
    private final Dispatcher dispatcher;
    private final UnitClaims unitClaims;
    private final FleetIndex fleet;
    private final Database database;
    private final Clock clock;
    private final IncidentRepository incidentRepository = new IncidentRepository();
    private final TimelineRepository timeline = new TimelineRepository();

    public UnitAssignment(Grid grid, Dispatcher dispatcher, UnitClaims unitClaims, FleetIndex fleet, Database database,
                          Clock clock) {
        this.units = grid;
        this.incidents = new GridIncidents(grid);
        this.dispatcher = dispatcher;
        this.unitClaims = unitClaims;
        this.fleet = fleet;
        this.database = database;
        this.clock = clock;
    }

    /**
     * @param reason the coordinator's sentence for the timeline
     * @param actor  who gave the order (a username), named on the timeline
     */
    public AssignmentResult assign(String incidentId, String unitId, String reason, String actor) {
        Optional<Incident> open = incidents.get(incidentId);
        if (open.isEmpty()) {
            return notOpen(incidentId);
        }
        Unit unit = units.unit(unitId).orElse(null);
        if (unit == null) {
            return new AssignmentResult.UnknownUnit(unitId);
        }
        Incident incident = open.get();
        if (unitId.equals(incident.unitId()) && incidentId.equals(unit.incidentId())) {
            return new AssignmentResult.Assigned(new DispatchOutcome.Dispatched(incident, unit, null), null);
        }
        Optional<Unit> claimed = unitClaims.claim(unitId, incidentId);
        if (claimed.isEmpty()) {
            return new AssignmentResult.UnitBusy(units.unit(unitId).orElse(null));
        }
        fleet.update(claimed.get());
        GeoPoint scene = FleetIndex.point(incident.location());
        UnitOption option = dispatcher.optionFor(claimed.get(), scene);
        if (incident.state() != IncidentState.DISPATCHED) {
            DispatchOutcome outcome = dispatcher.complete(incident, claimed.get(), option,
                    DispatchExplanation.chosenByCoordinator(option, actor), DispatchExplanation.override(option, reason, actor),
                    scene);
            return outcome instanceof DispatchOutcome.Dispatched d
                    ? new AssignmentResult.Assigned(d, null)
                    : notOpen(incidentId);
        }
        Instant now = clock.instant();
        String previous = incident.unitId();
        Optional<Incident> reassigned = incidents.reassign(incidentId, previous, unitId, (int) option.eta().toSeconds(), now);
        if (reassigned.isEmpty()) {
            unitClaims.release(unitId, incidentId);
            return notOpen(incidentId);
        }
        Unit released = null;
        if (previous != null) {
            unitClaims.release(previous, incidentId);
            released = units.unit(previous).orElse(null);
            if (released != null) {
                fleet.update(released);
            }
        }
        String was = released == null ? null : released.callSign();
        database.inTransaction(c -> {
            timeline.append(c, new TimelineEntry(incidentId, now, TimelineStage.OVERRIDE,
                    DispatchExplanation.reassigned(option, was, reason, actor)));
            return null;
        });
        return new AssignmentResult.Assigned(new DispatchOutcome.Dispatched(reassigned.get(), claimed.get(), null),
                released != null && released.isAvailable() ? released : null);
    }

    private AssignmentResult notOpen(String incidentId) {
        return database.withConnection(c -> incidentRepository.find(c, incidentId))
                .<AssignmentResult>map(AssignmentResult.NotOpen::new)
                .orElseGet(() -> new AssignmentResult.UnknownIncident(incidentId));
    }
}
