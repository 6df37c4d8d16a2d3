package org.sahaya.server;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.BooleanSupplier;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.persistence.Database;
import org.sahaya.dispatch.assignment.Dispatcher;
import org.sahaya.dispatch.assignment.UnitAssignment;
import org.sahaya.dispatch.area.ServiceAreas;
import org.sahaya.dispatch.claims.GridBedClaims;
import org.sahaya.dispatch.claims.GridUnitClaims;
import org.sahaya.dispatch.duty.DutyCycle;
import org.sahaya.dispatch.eta.ConfiguredEta;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.fleet.GridFleet;
import org.sahaya.dispatch.hospital.HospitalBoard;
import org.sahaya.dispatch.incident.GridIncidents;
import org.sahaya.dispatch.incident.IncidentClosing;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.dispatch.queue.QueueDrain;
import org.sahaya.server.pipeline.DispatchDesk;
import org.sahaya.server.pipeline.IncidentWorkflow;

/** A node's dispatch services over its grid member: the fleet index, the claims and the dispatcher. */
record DispatchWiring(Grid grid, Database database, Clock clock, FleetIndex fleet, ServiceAreas areas,
                      GridUnitClaims unitClaims, GridBedClaims bedClaims, Dispatcher dispatcher) {

    private static final ZoneId CITY = ZoneId.of("Asia/Kolkata");

    static DispatchWiring of(SahayaConfig config, Database database, Grid grid, Clock clock) {
        FleetIndex fleet = new FleetIndex(grid);
        ServiceAreas areas = ServiceAreas.load(database);
        GridUnitClaims unitClaims = new GridUnitClaims(grid, clock);
        GridBedClaims bedClaims = new GridBedClaims(grid);
        Dispatcher dispatcher = new Dispatcher(grid, fleet, new HospitalBoard(grid), unitClaims, bedClaims,
                DispatchPolicy.defaults(),
                ConfiguredEta.model(config.eta()), database, clock, CITY, areas);
        return new DispatchWiring(grid, database, clock, fleet, areas, unitClaims, bedClaims, dispatcher);
    }

    QueueDrain queue() {
        return new QueueDrain(grid, fleet, dispatcher, areas, database);
    }

    /** Where partners' reports and coordinators' commands arrive; {@code mayDispatch} fences a minority member. */
    DispatchDesk desk(IncidentWorkflow workflow, BooleanSupplier mayDispatch) {
        IncidentClosing closing = new IncidentClosing(grid, unitClaims, bedClaims, database, clock);
        GridFleet gridFleet = new GridFleet(grid, clock);
        return new DispatchDesk(grid, gridFleet,
                new DutyCycle(gridFleet, fleet, new GridIncidents(grid), dispatcher, closing, database, clock),
                bedClaims, new UnitAssignment(grid, dispatcher, unitClaims, fleet, database, clock), closing, workflow,
                dispatcher, database, mayDispatch);
    }
}
