package org.sahaya.dispatch.cluster;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.config.Settings;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.persistence.Database;
import org.sahaya.dispatch.Dispatcher;
import org.sahaya.dispatch.TestCity;
import org.sahaya.dispatch.area.ServiceAreas;
import org.sahaya.dispatch.claims.GridBedClaims;
import org.sahaya.dispatch.claims.GridUnitClaims;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.hospital.HospitalBoard;
import org.sahaya.dispatch.incident.IncidentClosing;
import org.sahaya.dispatch.intake.AlertIntake;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.dispatch.queue.QueueDrain;
import org.sahaya.dispatch.triage.Triage;
import org.sahaya.geo.eta.DetourEtaModel;

/** One grid member with the dispatch services a node wires on it. */
record Member(Grid grid, FleetIndex fleet, HospitalBoard hospitals, AlertIntake intake, Dispatcher dispatcher, IncidentClosing closing,
              QueueDrain drain) implements AutoCloseable {

    static Member start(Database database, String cluster, int port, List<String> members, Clock clock) {
        Grid grid = Grid.start(database, cluster, port, members);
        FleetIndex fleet = new FleetIndex(grid.units());
        // Every alert type of the test dispatches at once, inactivity included, so priorities mix.
        Triage triage = new Triage(SahayaConfig.from(Settings.of(Map.of("SAHAYA_VERIFY_INACTIVITY_SECONDS", "0")), false)
                ::verificationWindow);
        GridUnitClaims units = new GridUnitClaims(grid.units(), clock);
        GridBedClaims beds = new GridBedClaims(grid.hospitals());
        HospitalBoard hospitals = new HospitalBoard(grid.hospitals());
        Dispatcher dispatcher = new Dispatcher(grid, fleet, hospitals, units, beds, DispatchPolicy.defaults(),
                DetourEtaModel.bengaluru(), database, clock, TestCity.ZONE, ServiceAreas.none());
        return new Member(grid, fleet, hospitals, new AlertIntake(database, grid, triage, clock), dispatcher,
                new IncidentClosing(grid, units, beds, database, clock),
                new QueueDrain(grid, fleet, dispatcher, ServiceAreas.none(), database));
    }

    @Override
    public void close() {
        hospitals.close();
        fleet.close();
        grid.close();
    }
}
