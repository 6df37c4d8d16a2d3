package org.sahaya.dispatch.cluster;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.List;
import java.util.Map;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.config.GridAccess;
import org.sahaya.core.config.Settings;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.persistence.Database;
import org.sahaya.dispatch.assignment.Dispatcher;
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

    /**
     * {@code count} members of a fresh cluster on loopback, started together, once each sees all the
     * others. Members look for each other for one second, not Hazelcast's default five.
     *
     * @param portsFrom the first member port is drawn from [portsFrom, portsTo), the rest follow it
     */
    static List<Member> startCluster(Database database, String namePrefix, int count, int portsFrom, int portsTo,
                                     Clock clock) throws Exception {
        System.setProperty("hazelcast.wait.seconds.before.join", "1");
        String cluster = namePrefix + UUID.randomUUID();
        int base = ThreadLocalRandom.current().nextInt(portsFrom, portsTo);
        List<String> addresses = IntStream.range(0, count).mapToObj(i -> "127.0.0.1:" + (base + i)).toList();
        List<Member> members = new ArrayList<>();
        try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Member>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int port = base + i;
                started.add(starters.submit(() -> start(database, cluster, port, addresses, clock)));
            }
            for (Future<Member> f : started) {
                members.add(f.get(2, TimeUnit.MINUTES));
            }
        } finally {
            System.clearProperty("hazelcast.wait.seconds.before.join");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> members.stream()
                .allMatch(m -> m.grid().hazelcast().getCluster().getMembers().size() == count));
        return members;
    }

    static Member start(Database database, String cluster, int port, List<String> members, Clock clock) {
        Grid grid = Grid.start(database, cluster, port, members,
                new GridAccess("127.0.0.1", "dispatch-test-secret-" + cluster));
        FleetIndex fleet = new FleetIndex(grid);
        // Every alert type of the test dispatches at once, inactivity included, so priorities mix.
        Triage triage = new Triage(SahayaConfig.from(Settings.of(Map.of("SAHAYA_VERIFY_INACTIVITY_SECONDS", "0")), false)
                ::verificationWindow);
        GridUnitClaims units = new GridUnitClaims(grid, clock);
        GridBedClaims beds = new GridBedClaims(grid);
        HospitalBoard hospitals = new HospitalBoard(grid);
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
