package org.sahaya.server;

import io.vertx.core.Vertx;
import java.time.Clock;
import org.sahaya.core.config.CitySettings;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.incident.IncidentListener;
import org.sahaya.core.metrics.StageTimers;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.dispatch.area.AreaChanges;
import org.sahaya.dispatch.area.ServiceAreas;
import org.sahaya.dispatch.assignment.Dispatcher;
import org.sahaya.dispatch.assignment.HospitalReroute;
import org.sahaya.dispatch.assignment.UnitAssignment;
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
import org.sahaya.dispatch.workflow.DispatchDesk;
import org.sahaya.dispatch.workflow.IncidentPlacement;
import org.sahaya.dispatch.workflow.IncidentWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A node's dispatch services over its grid member: the fleet index, the claims and the dispatcher. */
record DispatchWiring(SahayaConfig config, Grid grid, Database database, Clock clock, FleetIndex fleet, ServiceAreas areas,
                      GridUnitClaims unitClaims, GridBedClaims bedClaims, Dispatcher dispatcher) {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchWiring.class);
    /** How often the owner looks again for an ALS unit for the incidents a BLS unit went to first. */
    private static final java.time.Duration ALS_SWEEP = java.time.Duration.ofSeconds(5);

    static DispatchWiring of(SahayaConfig config, Database database, Grid grid, Clock clock) {
        if (config.eta().centredOnBengaluru() && !config.city().name().equals(CitySettings.DEFAULT_NAME)) {
            // Not an error: dispatch still sends the nearest unit, only the ETAs are off.
            LOG.warn("The city is {} but the travel-time model is centred on Bengaluru: set SAHAYA_ETA_CENTRE"
                    + " (and the SAHAYA_ETA_* radii and speeds) for it, or every place counts as suburban",
                    config.city().name());
        }
        FleetIndex fleet = new FleetIndex(grid);
        ServiceAreas areas = ServiceAreas.load(database);
        // Follows an admin's changes to areas and bindings on every member for the life of the grid.
        AreaChanges.follow(grid, areas, database);
        GridUnitClaims unitClaims = new GridUnitClaims(grid, clock);
        GridBedClaims bedClaims = new GridBedClaims(grid);
        Dispatcher dispatcher = new Dispatcher(grid, fleet, new HospitalBoard(grid), unitClaims, bedClaims,
                DispatchPolicy.defaults().withAlsWait(config.alsWait()),
                ConfiguredEta.model(config.eta()), database, clock, config.city().timeZone(), areas);
        return new DispatchWiring(config, grid, database, clock, fleet, areas, unitClaims, bedClaims, dispatcher);
    }

    private QueueDrain queue() {
        return new QueueDrain(grid, fleet, dispatcher, areas, database);
    }

    /** Dispatch and the family's news for each incident, on its owner ({@code placement}). */
    IncidentWorkflow workflow(Vertx vertx, StageTimers timers, Offload offload, IncidentPlacement placement,
                              IncidentListener listener) {
        IncidentWorkflow workflow = new IncidentWorkflow(new IncidentWorkflow.Parts(vertx, dispatcher, queue(), database, timers,
                offload, clock, config::verificationWindow), placement, listener);
        workflow.sweepAlsFollowUps(ALS_SWEEP);
        return workflow;
    }

    /** Where partners' reports and coordinators' commands arrive; the workflow fences a minority member. */
    DispatchDesk desk(IncidentWorkflow workflow) {
        IncidentClosing closing = new IncidentClosing(grid, unitClaims, bedClaims, database, clock);
        GridFleet gridFleet = new GridFleet(grid, clock);
        return new DispatchDesk(grid, gridFleet,
                new DutyCycle(gridFleet, fleet, new GridIncidents(grid), dispatcher, closing, database, clock),
                bedClaims, new UnitAssignment(grid, dispatcher, unitClaims, fleet, database, clock), closing, workflow,
                dispatcher, database, new HospitalReroute(grid, dispatcher, bedClaims, database, clock), clock);
    }
}
