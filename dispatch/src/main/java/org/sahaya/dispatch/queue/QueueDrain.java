package org.sahaya.dispatch.queue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.Units;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.dispatch.area.ServiceAreas;
import org.sahaya.dispatch.assignment.Declines;
import org.sahaya.dispatch.assignment.DispatchOutcome;
import org.sahaya.dispatch.assignment.Dispatcher;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.policy.QueueOrder;

/**
 * A unit became AVAILABLE: dispatch the waiting incidents it can serve, most urgent first, then the
 * longest waiting, until it is taken. Safe when several members drain for the same event at once:
 * every dispatch is a claim on the unit's owner and a checked move on the incident's owner, so an
 * incident is dispatched once and a unit taken once; a member that loses simply moves on. Blocking.
 */
public final class QueueDrain {

    /** More waiting incidents than any city will ever queue at once; read per freed unit. */
    private static final int MAX_WAITING = 10_000;

    /** The units as their owners hold them now: the index may lag the event that freed the unit. */
    private final Units units;
    private final FleetIndex fleet;
    private final Dispatcher dispatcher;
    private final ServiceAreas areas;
    private final Database database;
    private final IncidentRepository incidents = new IncidentRepository();
    private final Declines declines;

    public QueueDrain(Grid grid, FleetIndex fleet, Dispatcher dispatcher, ServiceAreas areas, Database database) {
        this.units = grid;
        this.fleet = fleet;
        this.dispatcher = dispatcher;
        this.areas = areas;
        this.database = database;
        this.declines = new Declines(database);
    }

    /**
     * @param excluded incidents not to offer this unit, besides those it ever declined
     * @return the dispatches made, in order
     */
    public List<DispatchOutcome> drain(String unitId, Set<String> excluded) {
        Unit unit = units.unit(unitId).orElse(null);
        if (unit == null || !unit.isAvailable()) {
            return List.of();
        }
        List<Incident> waiting = database.withConnection(c ->
                incidents.findByStates(c, EnumSet.of(IncidentState.QUEUED), MAX_WAITING));
        // The event that freed the unit may not have reached this member's index yet; without this the
        // dispatcher would not see the unit, and the queue's head would be skipped for a later incident.
        fleet.update(unit);
        Set<String> notFor = new HashSet<>(excluded);
        notFor.addAll(declines.declinedBy(unitId));
        List<DispatchOutcome> outcomes = new ArrayList<>();
        for (Incident incident : QueueOrder.servableBy(unit.level(),
                at -> areas.serves(unitId, FleetIndex.point(at)), waiting, notFor)) {
            Unit now = units.unit(unitId).orElse(null);
            if (now == null || !now.isAvailable()) {
                break;
            }
            DispatchOutcome outcome = dispatcher.dispatch(incident.id());
            if (outcome instanceof DispatchOutcome.Queued && units.unit(unitId).orElse(null) instanceof Unit still
                    && still.isAvailable()) {
                // A late event of the index hid the unit again: show it and try the same incident once more.
                fleet.update(still);
                outcome = dispatcher.dispatch(incident.id());
            }
            if (outcome instanceof DispatchOutcome.Dispatched) {
                outcomes.add(outcome);
            }
        }
        return outcomes;
    }
}
