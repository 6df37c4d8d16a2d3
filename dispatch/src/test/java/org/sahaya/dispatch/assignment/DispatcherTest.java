package org.sahaya.dispatch.assignment;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.dispatch.TestCity.JAYANAGAR;
import static org.sahaya.dispatch.TestCity.MG_ROAD;
import static org.sahaya.dispatch.TestCity.east;
import static org.sahaya.dispatch.TestCity.north;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.config.Settings;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.dispatch.assignment.DispatchOutcome.Dispatched;
import org.sahaya.dispatch.assignment.DispatchOutcome.Queued;
import org.sahaya.dispatch.assignment.DispatchOutcome.Skipped;
import org.sahaya.dispatch.TestCity;
import org.sahaya.dispatch.TestCity.Wearer;
import org.sahaya.dispatch.area.ServiceAreas;
import org.sahaya.dispatch.claims.GridBedClaims;
import org.sahaya.dispatch.claims.GridUnitClaims;
import org.sahaya.dispatch.hospital.HospitalBoard;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.intake.AlertIntake;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.dispatch.triage.Triage;
import org.sahaya.geo.eta.DetourEtaModel;

/**
 * Step 4 of the hot path against a real grid and database: an incident opened by a real alert gets
 * the nearest suitable unit and a bed, or waits visibly in the queue. The grid is shared by the
 * tests; each stations its own units and hospitals and stands them down afterwards.
 */
class DispatcherTest {

    private static Database database;
    private static Grid grid;
    private static FleetIndex fleet;
    private static AlertIntake intake;
    private static Dispatcher dispatcher;
    private static HospitalBoard board;

    private final List<Unit> stationed = new ArrayList<>();
    private final List<Hospital> opened = new ArrayList<>();

    @BeforeAll
    static void start() {
        database = TestCity.openDatabase();
        grid = TestCity.startGrid(database);
        fleet = new FleetIndex(grid);
        intake = new AlertIntake(database, grid,
                new Triage(SahayaConfig.from(Settings.of(Map.of()), false)::verificationWindow), TestCity.CLOCK);
        board = new HospitalBoard(grid);
        dispatcher = new Dispatcher(grid, fleet, board, new GridUnitClaims(grid, TestCity.CLOCK),
                new GridBedClaims(grid), DispatchPolicy.defaults(), DetourEtaModel.bengaluru(), database,
                TestCity.CLOCK, TestCity.ZONE, ServiceAreas.none());
    }

    @AfterAll
    static void stop() {
        board.close();
        fleet.close();
        grid.close();
        database.close();
    }

    /** Takes this test's units out of service and its hospitals off the bed board, so the next test starts empty. */
    @AfterEach
    void standDown() {
        for (Unit u : stationed) {
            Unit now = grid.units().get(u.id());
            grid.units().put(u.id(), new Unit(u.id(), u.callSign(), u.level(), u.station(), u.position(),
                    UnitStatus.OUT_OF_SERVICE, now.incidentId(), TestCity.NOW));
        }
        for (Hospital h : opened) {
            Hospital now = grid.hospitals().get(h.id());
            Hospital closed = new Hospital(h.id(), h.name(), h.position(), h.partner(), Map.of(), now.reservations());
            grid.hospitals().put(h.id(), closed);
            awaitBoardShows(closed);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> stationed.stream().noneMatch(DispatcherTest::fleetOffers));
    }

    @Test
    void aDispatchCutShortByACrashResumesWithTheUnitAndBedAlreadyHeld() {
        Unit held = station(UnitLevel.BLS, north(MG_ROAD, 4_000));
        Unit nearer = station(UnitLevel.BLS, north(MG_ROAD, 300));
        Hospital heldAt = open("St. Martha's Hospital", east(MG_ROAD, 6_000), Map.of(BedKind.ER, 2));
        Hospital closer = open("Bowring Hospital", east(MG_ROAD, 1_000), Map.of(BedKind.ER, 2));
        String incident = fallAt(MG_ROAD);
        // The previous run claimed a unit and a bed, then died before the incident said DISPATCHED.
        new GridUnitClaims(grid, TestCity.CLOCK).claim(held.id(), incident);
        new GridBedClaims(grid).reserve(heldAt.id(), incident, BedKind.ER);

        DispatchOutcome outcome = dispatcher.dispatch(incident);

        assertThat(outcome).isInstanceOfSatisfying(Dispatched.class, d -> {
            assertThat(d.unit().id()).isEqualTo(held.id());
            assertThat(d.hospital().hospitalId()).isEqualTo(heldAt.id());
        });
        assertThat(grid.units().get(nearer.id()).status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(grid.hospitals().get(closer.id()).reservations()).doesNotContainKey(incident);
        assertThat(grid.hospitals().get(heldAt.id()).free(BedKind.ER)).isEqualTo(1);
    }

    @Test
    void aFallIsDispatchedToTheNearestUnitWithAnEmergencyBedReserved() {
        Unit near = station(UnitLevel.BLS, north(MG_ROAD, 1_200));
        Unit middle = station(UnitLevel.BLS, east(MG_ROAD, 3_000));
        Unit far = station(UnitLevel.BLS, north(MG_ROAD, -6_000));
        Hospital bowring = open("Bowring Hospital", east(MG_ROAD, 2_500), Map.of(BedKind.ER, 2));
        String incident = fallAt(MG_ROAD);

        DispatchOutcome outcome = dispatcher.dispatch(incident);

        assertThat(outcome).isInstanceOfSatisfying(Dispatched.class, d -> {
            assertThat(d.unit().id()).isEqualTo(near.id());
            assertThat(d.hospital().hospitalId()).isEqualTo(bowring.id());
            assertThat(d.incident().state()).isEqualTo(IncidentState.DISPATCHED);
            assertThat(d.incident().etaSeconds()).isPositive();
        });
        Incident stored = stored(incident).orElseThrow();
        assertThat(stored.state()).isEqualTo(IncidentState.DISPATCHED);
        assertThat(stored.unitId()).isEqualTo(near.id());
        assertThat(stored.hospitalId()).isEqualTo(bowring.id());
        assertThat(stored.dispatchedAt()).isEqualTo(TestCity.NOW);
        assertThat(grid.units().get(near.id()).status()).isEqualTo(UnitStatus.DISPATCHED);
        assertThat(grid.units().get(near.id()).incidentId()).isEqualTo(incident);
        assertThat(grid.units().get(middle.id()).status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(grid.units().get(far.id()).status()).isEqualTo(UnitStatus.AVAILABLE);
        Hospital beds = grid.hospitals().get(bowring.id());
        assertThat(beds.free(BedKind.ER)).isEqualTo(1);
        assertThat(beds.reservations()).containsEntry(incident, BedKind.ER);

        assertThat(stages(incident)).containsExactly(
                "ALERT_RECEIVED", "TRIAGED", "UNIT_CANDIDATES", "DISPATCHED", "BED_RESERVED");
        assertThat(message(incident, "UNIT_CANDIDATES")).contains(near.callSign(), middle.callSign(), far.callSign());
        assertThat(message(incident, "DISPATCHED")).contains(near.callSign()).contains("nearest available BLS unit");
        assertThat(message(incident, "BED_RESERVED")).contains("ER bed reserved").contains("Bowring Hospital");
    }

    @Test
    void withNoAvailableUnitTheIncidentIsQueuedAndTheTimelineSaysWhy() {
        String incident = fallAt(JAYANAGAR);

        DispatchOutcome outcome = dispatcher.dispatch(incident);

        assertThat(outcome).isInstanceOfSatisfying(Queued.class, q -> {
            assertThat(q.incident().state()).isEqualTo(IncidentState.QUEUED);
            assertThat(q.reason()).contains("no available BLS-capable unit");
        });
        assertThat(grid.incidents().get(incident).state()).isEqualTo(IncidentState.QUEUED);
        assertThat(stored(incident).orElseThrow().state()).isEqualTo(IncidentState.QUEUED);
        assertThat(stages(incident)).containsExactly("ALERT_RECEIVED", "TRIAGED", "QUEUED");
        assertThat(message(incident, "QUEUED")).contains("no available BLS-capable unit");
    }

    @Test
    void aQueuedIncidentIsDispatchedOnceAUnitIsAvailableAndIsQueuedOnlyOnce() {
        String incident = fallAt(JAYANAGAR);
        assertThat(dispatcher.dispatch(incident)).isInstanceOf(Queued.class);
        assertThat(dispatcher.dispatch(incident)).as("still nothing free").isInstanceOf(Queued.class);
        assertThat(stages(incident)).containsOnlyOnce("QUEUED");

        Unit freed = station(UnitLevel.BLS, north(JAYANAGAR, 2_000));
        open("Sanjay Gandhi Hospital", east(JAYANAGAR, 1_500), Map.of(BedKind.ER, 1));

        assertThat(dispatcher.dispatch(incident)).isInstanceOfSatisfying(Dispatched.class,
                d -> assertThat(d.unit().id()).isEqualTo(freed.id()));
        assertThat(stored(incident).orElseThrow().state()).isEqualTo(IncidentState.DISPATCHED);
    }

    @Test
    void anSosWithNoAlsUnitFreeGetsTheBasicUnitNextDoorFirstWhileAnAlsUnitIsSought() {
        Unit basicNextDoor = station(UnitLevel.BLS, north(MG_ROAD, 300));
        open("Bowring Hospital", east(MG_ROAD, 2_500), Map.of(BedKind.ER, 2));
        Wearer ravi = TestCity.wearer(database, MG_ROAD, null);
        String incident = intake.receive(ravi.alert(TestCity.id("sos"), AlertType.SOS)).receipt().incidentId();

        assertThat(dispatcher.dispatch(incident)).isInstanceOfSatisfying(Dispatched.class,
                d -> assertThat(d.unit().id()).isEqualTo(basicNextDoor.id()));
        assertThat(message(incident, "DISPATCHED")).contains("BLS unit " + basicNextDoor.callSign() + " sent first");
        assertThat(dispatcher.followUps().find(incident)).hasValueSatisfying(f -> assertThat(f.seeking()).isTrue());
    }

    @Test
    void withNoFreeBedTheUnitStillGoesAndTheTimelineSaysNoBed() {
        Unit unit = station(UnitLevel.BLS, north(MG_ROAD, 900));
        Hospital full = open("Victoria Hospital", east(MG_ROAD, 1_800), Map.of(BedKind.ER, 0, BedKind.ICU, 3));
        String incident = fallAt(MG_ROAD);

        DispatchOutcome outcome = dispatcher.dispatch(incident);

        assertThat(outcome).isInstanceOfSatisfying(Dispatched.class, d -> {
            assertThat(d.unit().id()).isEqualTo(unit.id());
            assertThat(d.hospital()).isNull();
            assertThat(d.incident().hospitalId()).isNull();
        });
        assertThat(stored(incident).orElseThrow().state()).isEqualTo(IncidentState.DISPATCHED);
        assertThat(stages(incident)).containsExactly("ALERT_RECEIVED", "TRIAGED", "UNIT_CANDIDATES", "DISPATCHED", "NO_BED");
        assertThat(message(incident, "NO_BED")).contains("ER").contains("coordinator");
        assertThat(grid.hospitals().get(full.id()).free(BedKind.ICU)).as("no other kind taken instead").isEqualTo(3);
    }

    @Test
    void dispatchingAnAlreadyDispatchedIncidentIsSkippedAndClaimsNothingMore() {
        Unit first = station(UnitLevel.BLS, north(MG_ROAD, 700));
        Unit second = station(UnitLevel.BLS, north(MG_ROAD, 1_400));
        Hospital bowring = open("Bowring Hospital", east(MG_ROAD, 2_500), Map.of(BedKind.ER, 5));
        String incident = fallAt(MG_ROAD);
        assertThat(dispatcher.dispatch(incident)).isInstanceOf(Dispatched.class);
        int timeline = stages(incident).size();

        DispatchOutcome again = dispatcher.dispatch(incident);

        assertThat(again).isInstanceOfSatisfying(Skipped.class, s -> {
            assertThat(s.incidentId()).isEqualTo(incident);
            assertThat(s.reason()).contains("DISPATCHED");
        });
        assertThat(grid.units().get(first.id()).incidentId()).isEqualTo(incident);
        assertThat(grid.units().get(second.id()).status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(grid.hospitals().get(bowring.id()).free(BedKind.ER)).isEqualTo(4);
        assertThat(grid.hospitals().get(bowring.id()).reservations()).hasSize(1);
        assertThat(stages(incident)).hasSize(timeline);
    }

    @Test
    void noAmbulanceIsSentOnceTheDeviceSaidImOkDuringVerification() {
        Unit unit = station(UnitLevel.BLS, north(MG_ROAD, 500));
        open("Bowring Hospital", east(MG_ROAD, 2_500), Map.of(BedKind.ER, 2));
        Wearer asha = TestCity.wearer(database, MG_ROAD, null);
        String incident = intake.receive(asha.alert(TestCity.id("still"), AlertType.INACTIVITY)).receipt().incidentId();
        intake.receive(asha.alert(TestCity.id("ok"), AlertType.CANCEL));

        DispatchOutcome afterTheWindow = dispatcher.dispatch(incident);

        assertThat(afterTheWindow).isInstanceOf(Skipped.class);
        assertThat(grid.units().get(unit.id()).status()).isEqualTo(UnitStatus.AVAILABLE);
    }

    @Test
    void anUnknownIncidentIsSkipped() {
        assertThat(dispatcher.dispatch("INC-NOPE")).isInstanceOfSatisfying(Skipped.class,
                s -> assertThat(s.reason()).contains("no open incident"));
    }

    @Test
    void thirtyIncidentsForFiveUnitsAtOnceDispatchFiveQueueTheRestAndNeverShareAUnitOrABed() throws Exception {
        for (int i = 0; i < 5; i++) {
            station(UnitLevel.BLS, east(north(MG_ROAD, 800 * i), -500 * i));
        }
        Hospital bowring = open("Bowring Hospital", east(MG_ROAD, 2_500), Map.of(BedKind.ER, 3));
        List<String> incidents = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            incidents.add(fallAt(east(north(MG_ROAD, 100 * (i % 6)), 150 * (i / 6))));
        }

        List<DispatchOutcome> outcomes = dispatchAllAtOnce(incidents);

        List<Dispatched> dispatched = outcomes.stream().filter(Dispatched.class::isInstance).map(Dispatched.class::cast).toList();
        List<Queued> queued = outcomes.stream().filter(Queued.class::isInstance).map(Queued.class::cast).toList();
        assertThat(dispatched).hasSize(5);
        assertThat(queued).hasSize(25);
        Set<String> unitsSent = new HashSet<>(dispatched.stream().map(d -> d.unit().id()).toList());
        assertThat(unitsSent).as("no unit twice").hasSize(5)
                .containsExactlyInAnyOrderElementsOf(stationed.stream().map(Unit::id).toList());
        for (Dispatched d : dispatched) {
            assertThat(grid.units().get(d.unit().id()).incidentId()).isEqualTo(d.incident().id());
            assertThat(stored(d.incident().id()).orElseThrow().unitId()).isEqualTo(d.unit().id());
        }
        for (Queued q : queued) {
            assertThat(stored(q.incident().id()).orElseThrow().state()).isEqualTo(IncidentState.QUEUED);
        }
        assertThat(dispatched).filteredOn(d -> d.hospital() != null).as("three beds, three reservations").hasSize(3);
        Hospital beds = grid.hospitals().get(bowring.id());
        assertThat(beds.free(BedKind.ER)).isZero();
        assertThat(beds.reservations()).hasSize(3);
    }

    private static List<DispatchOutcome> dispatchAllAtOnce(List<String> incidents) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<DispatchOutcome>> futures = new ArrayList<>();
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String incident : incidents) {
                futures.add(virtualThreads.submit(() -> {
                    go.await(10, SECONDS);
                    return dispatcher.dispatch(incident);
                }));
            }
            go.countDown();
        }
        List<DispatchOutcome> outcomes = new ArrayList<>();
        for (Future<DispatchOutcome> f : futures) {
            outcomes.add(f.get(60, SECONDS));
        }
        return outcomes;
    }

    /** A fall of a new subscriber at {@code home}, received as an alert: the incident it opened. */
    private static String fallAt(Coordinates home) {
        Wearer wearer = TestCity.wearer(database, home, null);
        return intake.receive(wearer.alert(TestCity.id("fall"), AlertType.FALL)).receipt().incidentId();
    }

    private Unit station(UnitLevel level, Coordinates at) {
        Unit unit = TestCity.unit(level, at);
        grid.units().put(unit.id(), unit);
        stationed.add(unit);
        await().atMost(Duration.ofSeconds(10)).until(() -> fleetOffers(unit));
        return unit;
    }

    private Hospital open(String name, Coordinates at, Map<BedKind, Integer> freeBeds) {
        Hospital hospital = TestCity.hospital(name, at, false, freeBeds);
        grid.hospitals().put(hospital.id(), hospital);
        opened.add(hospital);
        awaitBoardShows(hospital);
        return hospital;
    }

    /** The dispatcher ranks hospitals from its board, which follows the grid by an event. */
    private static void awaitBoardShows(Hospital hospital) {
        await().atMost(Duration.ofSeconds(10)).until(() -> board.get(hospital.id()).filter(hospital::equals).isPresent());
    }

    /** True when this member's fleet index offers the unit as available where it stands. */
    private static boolean fleetOffers(Unit unit) {
        return fleet.nearestAvailable(FleetIndex.point(unit.position()), UnitLevel.BLS, 100, 50).stream()
                .anyMatch(c -> c.unitId().equals(unit.id()));
    }

    private static Optional<Incident> stored(String incidentId) {
        return database.withConnection(c -> new IncidentRepository().find(c, incidentId));
    }

    private static List<TimelineEntry> timeline(String incidentId) {
        return database.withConnection(c -> new TimelineRepository().of(c, incidentId));
    }

    private static List<String> stages(String incidentId) {
        return timeline(incidentId).stream().map(e -> e.stage().name()).toList();
    }

    private static String message(String incidentId, String stage) {
        return timeline(incidentId).stream().filter(e -> e.stage().name().equals(stage)).findFirst()
                .map(TimelineEntry::message).orElseThrow(() -> new AssertionError("no " + stage + " on the timeline"));
    }
}
