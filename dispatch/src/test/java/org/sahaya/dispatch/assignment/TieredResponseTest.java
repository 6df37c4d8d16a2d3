package org.sahaya.dispatch.assignment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.dispatch.TestCity.Wearer;
import org.sahaya.dispatch.TestCity;
import org.sahaya.dispatch.area.ServiceAreas;
import org.sahaya.dispatch.assignment.DispatchOutcome.Dispatched;
import org.sahaya.dispatch.assignment.DispatchOutcome.Queued;
import org.sahaya.dispatch.claims.GridBedClaims;
import org.sahaya.dispatch.claims.GridUnitClaims;
import org.sahaya.dispatch.duty.DutyCycle;
import org.sahaya.dispatch.duty.StatusReport;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.fleet.GridFleet;
import org.sahaya.dispatch.hospital.HospitalBoard;
import org.sahaya.dispatch.incident.CloseResult;
import org.sahaya.dispatch.incident.GridIncidents;
import org.sahaya.dispatch.incident.IncidentClosing;
import org.sahaya.dispatch.intake.AlertIntake;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.dispatch.triage.Triage;
import org.sahaya.geo.eta.DetourEtaModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.dispatch.TestCity.MG_ROAD;
import static org.sahaya.dispatch.TestCity.north;

/**
 * BLS first, ALS after, against a real grid and database: a call that needs ALS when no ALS unit can
 * arrive within the wait (10 min) gets the nearest BLS unit now and an ALS unit as a second unit as soon
 * as one is free; the second unit's reports never close or re-dispatch the incident; a close frees both.
 * The grid is shared; each test stations its own units and closes its incidents afterwards.
 */
class TieredResponseTest {

    private static Database database;
    private static Grid grid;
    private static FleetIndex fleet;
    private static HospitalBoard board;
    private static AlertIntake intake;
    private static Dispatcher dispatcher;
    private static IncidentClosing closing;
    private static DutyCycle duty;

    private final List<Unit> stationed = new ArrayList<>();
    private final List<String> raised = new ArrayList<>();

    @BeforeAll
    static void start() {
        database = TestCity.openDatabase();
        grid = TestCity.startGrid(database);
        fleet = new FleetIndex(grid);
        board = new HospitalBoard(grid);
        intake = new AlertIntake(database, grid,
                new Triage(SahayaConfig.from(Settings.of(Map.of()), false)::verificationWindow), TestCity.CLOCK);
        GridUnitClaims claims = new GridUnitClaims(grid, TestCity.CLOCK);
        GridBedClaims beds = new GridBedClaims(grid);
        dispatcher = new Dispatcher(grid, fleet, board, claims, beds,
                DispatchPolicy.defaults().withAlsWait(Duration.ofMinutes(10)), DetourEtaModel.bengaluru(), database,
                TestCity.CLOCK, TestCity.ZONE, ServiceAreas.none());
        closing = new IncidentClosing(grid, claims, beds, database, TestCity.CLOCK);
        duty = new DutyCycle(new GridFleet(grid, TestCity.CLOCK), fleet, new GridIncidents(grid), dispatcher, closing,
                database, TestCity.CLOCK);
    }

    @AfterAll
    static void stop() {
        board.close();
        fleet.close();
        grid.close();
        database.close();
    }

    /** Closes this test's incidents (ending their follow-ups) and takes its units out of service. */
    @AfterEach
    void standDown() {
        raised.forEach(id -> closing.close(id, "test over", false));
        for (Unit u : stationed) {
            Unit now = grid.units().get(u.id());
            grid.units().put(u.id(), new Unit(u.id(), u.callSign(), u.level(), u.station(), now.position(),
                    UnitStatus.OUT_OF_SERVICE, null, TestCity.NOW));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> stationed.stream().noneMatch(TieredResponseTest::fleetOffers));
    }

    @Test
    void anSosWithNoAlsUnitFreeGetsTheNearestBasicUnitFirstAndAnAlsUnitIsStillSought() {
        Unit basic = station(UnitLevel.BLS, north(MG_ROAD, 800));
        String incident = sosAt(MG_ROAD);

        DispatchOutcome outcome = dispatcher.dispatch(incident);

        assertThat(outcome).isInstanceOfSatisfying(Dispatched.class, d -> assertThat(d.unit().id()).isEqualTo(basic.id()));
        assertThat(grid.incidents().get(incident).state()).isEqualTo(IncidentState.DISPATCHED);
        assertThat(message(incident, "DISPATCHED"))
                .contains("No ALS unit can arrive within 10 min (nearest: none free)")
                .contains("BLS unit " + basic.callSign() + " sent first, ETA")
                .contains("an ALS unit is still sought");
        assertThat(stages(incident)).contains("ALS_SOUGHT");
        assertThat(dispatcher.followUps().find(incident)).hasValueSatisfying(f -> {
            assertThat(f.firstUnitId()).isEqualTo(basic.id());
            assertThat(f.seeking()).isTrue();
        });
        assertThat(dispatcher.followUps().serve(incident)).as("no ALS unit is free yet").isEmpty();
    }

    @Test
    void anAlsUnitTooFarAwayFollowsTheNearerBasicUnitAtOnceAndBothWorkTheIncident() {
        Unit basic = station(UnitLevel.BLS, north(MG_ROAD, 800));
        Unit advancedFarAway = station(UnitLevel.ALS, north(MG_ROAD, 15_000));
        String incident = sosAt(MG_ROAD);

        assertThat(dispatcher.dispatch(incident)).isInstanceOfSatisfying(Dispatched.class,
                d -> assertThat(d.unit().id()).isEqualTo(basic.id()));
        assertThat(message(incident, "DISPATCHED")).contains("(nearest: " + advancedFarAway.callSign() + " at ");

        Optional<IncidentChange.SupportUnitSent> sent = dispatcher.followUps().serve(incident);

        assertThat(sent).hasValueSatisfying(s -> {
            assertThat(s.unitId()).isEqualTo(advancedFarAway.id());
            assertThat(s.incident().unitId()).isEqualTo(basic.id());
        });
        assertThat(grid.units().get(basic.id()).incidentId()).isEqualTo(incident);
        assertThat(grid.units().get(advancedFarAway.id()).incidentId()).isEqualTo(incident);
        assertThat(grid.units().get(advancedFarAway.id()).status()).isEqualTo(UnitStatus.DISPATCHED);
        assertThat(message(incident, "SUPPORT_UNIT_SENT")).contains(advancedFarAway.callSign())
                .contains("BLS unit " + basic.callSign() + " went first");
        assertThat(dispatcher.followUps().find(incident)).hasValueSatisfying(f -> {
            assertThat(f.supportUnitId()).isEqualTo(advancedFarAway.id());
            assertThat(f.assignedAt()).isNotNull();
        });
        assertThat(dispatcher.followUps().serve(incident)).as("served once").isEmpty();
    }

    @Test
    void anAlsUnitWithinTheWaitGoesItselfAndNothingIsSought() {
        station(UnitLevel.BLS, north(MG_ROAD, 300));
        Unit advanced = station(UnitLevel.ALS, north(MG_ROAD, 1_500));
        String incident = sosAt(MG_ROAD);

        assertThat(dispatcher.dispatch(incident)).isInstanceOfSatisfying(Dispatched.class,
                d -> assertThat(d.unit().id()).isEqualTo(advanced.id()));
        assertThat(dispatcher.followUps().find(incident)).isEmpty();
    }

    @Test
    void withNoBasicUnitFreeEitherTheCallIsQueuedAsBefore() {
        String incident = sosAt(MG_ROAD);

        assertThat(dispatcher.dispatch(incident)).isInstanceOf(Queued.class);
        assertThat(dispatcher.followUps().find(incident)).isEmpty();
    }

    @Test
    void aFreedAlsUnitIsSentAsTheSecondUnit() {
        Unit basic = station(UnitLevel.BLS, north(MG_ROAD, 800));
        String incident = sosAt(MG_ROAD);
        dispatcher.dispatch(incident);

        Unit freed = station(UnitLevel.ALS, north(MG_ROAD, 4_000));
        List<IncidentChange> sent = dispatcher.followUps().unitFreed(freed.id());

        assertThat(sent).singleElement().isInstanceOfSatisfying(IncidentChange.SupportUnitSent.class, s -> {
            assertThat(s.unitId()).isEqualTo(freed.id());
            assertThat(s.incident().id()).isEqualTo(incident);
        });
        assertThat(grid.units().get(freed.id()).incidentId()).isEqualTo(incident);
        assertThat(grid.incidents().get(incident).unitId()).as("the first unit stays the incident's").isEqualTo(basic.id());
    }

    @Test
    void oneFreedAlsUnitServingTwoIncidentsAtOnceGoesToOnlyOne() throws Exception {
        station(UnitLevel.BLS, north(MG_ROAD, 800));
        station(UnitLevel.BLS, north(MG_ROAD, -800));
        Wearer ravi = TestCity.wearer(database, MG_ROAD, null);
        Wearer meena = TestCity.wearer(database, north(MG_ROAD, 200), null);
        String first = sos(ravi);
        String second = sos(meena);
        dispatcher.dispatch(first);
        dispatcher.dispatch(second);
        Unit only = station(UnitLevel.ALS, north(MG_ROAD, 3_000));

        List<Optional<IncidentChange.SupportUnitSent>> results = new ArrayList<>();
        try (ExecutorService both = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Optional<IncidentChange.SupportUnitSent>> a = both.submit(() -> dispatcher.followUps().serve(first));
            Future<Optional<IncidentChange.SupportUnitSent>> b = both.submit(() -> dispatcher.followUps().serve(second));
            results.add(a.get());
            results.add(b.get());
        }

        assertThat(results.stream().filter(Optional::isPresent)).hasSize(1);
        String servedIncident = grid.units().get(only.id()).incidentId();
        assertThat(servedIncident).isIn(first, second);
        String other = servedIncident.equals(first) ? second : first;
        assertThat(dispatcher.followUps().find(other)).hasValueSatisfying(f -> assertThat(f.seeking()).isTrue());
    }

    @Test
    void aSecondUnitThatDeclinesLeavesTheIncidentWithItsFirstUnitAndTheNextAlsUnitIsSought() {
        Unit basic = station(UnitLevel.BLS, north(MG_ROAD, 800));
        String incident = sosAt(MG_ROAD);
        dispatcher.dispatch(incident);
        Unit decliner = station(UnitLevel.ALS, north(MG_ROAD, 2_000));
        assertThat(dispatcher.followUps().serve(incident)).isPresent();

        StatusReport report = duty.report(decliner.id(), UnitStatus.AVAILABLE, "crew on break");

        Incident now = grid.incidents().get(incident);
        assertThat(now.state()).as("not re-dispatched").isEqualTo(IncidentState.DISPATCHED);
        assertThat(now.unitId()).isEqualTo(basic.id());
        assertThat(report.outcomes()).isEmpty();
        assertThat(report.changes()).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(IncidentChange.UnitReleased.class,
                r -> assertThat(r.unitId()).isEqualTo(decliner.id())));
        assertThat(grid.units().get(decliner.id()).incidentId()).isNull();
        assertThat(dispatcher.followUps().find(incident)).hasValueSatisfying(f -> assertThat(f.seeking()).isTrue());
        assertThat(message(incident, "SUPPORT_UNIT_LEFT")).contains(decliner.callSign()).contains("declined");
        assertThat(dispatcher.followUps().serve(incident)).as("the decliner is not sent again").isEmpty();

        Unit next = station(UnitLevel.ALS, north(MG_ROAD, 5_000));
        assertThat(dispatcher.followUps().unitFreed(next.id())).singleElement()
                .isInstanceOfSatisfying(IncidentChange.SupportUnitSent.class, s -> assertThat(s.unitId()).isEqualTo(next.id()));
    }

    @Test
    void aSecondUnitWhoseCrewDidNotAcceptInTimeIsReleasedAndTheNextAlsUnitSent() {
        station(UnitLevel.BLS, north(MG_ROAD, 800));
        String incident = sosAt(MG_ROAD);
        dispatcher.dispatch(incident);
        Unit silent = station(UnitLevel.ALS, north(MG_ROAD, 2_000));
        dispatcher.followUps().serve(incident);
        Unit next = station(UnitLevel.ALS, north(MG_ROAD, 6_000));

        List<IncidentChange> changes = dispatcher.followUps().supportReleased(incident, grid.units().get(silent.id()),
                IncidentChange.Reason.NOT_ACCEPTED_IN_TIME, "was not accepted within 60 s");

        assertThat(changes).hasSize(2);
        assertThat(changes.get(0)).isInstanceOfSatisfying(IncidentChange.UnitReleased.class, r -> {
            assertThat(r.unitId()).isEqualTo(silent.id());
            assertThat(r.reason()).isEqualTo(IncidentChange.Reason.NOT_ACCEPTED_IN_TIME);
        });
        assertThat(changes.get(1)).isInstanceOfSatisfying(IncidentChange.SupportUnitSent.class,
                s -> assertThat(s.unitId()).isEqualTo(next.id()));
        assertThat(grid.units().get(silent.id()).status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(grid.units().get(silent.id()).incidentId()).isNull();
        assertThat(grid.units().get(next.id()).incidentId()).isEqualTo(incident);
    }

    @Test
    void theSecondUnitsProgressIsNewsAndItsLeavingTheSceneOnlyFreesIt() {
        Unit basic = station(UnitLevel.BLS, north(MG_ROAD, 800));
        String incident = sosAt(MG_ROAD);
        dispatcher.dispatch(incident);
        Unit support = station(UnitLevel.ALS, north(MG_ROAD, 2_000));
        dispatcher.followUps().serve(incident);

        StatusReport enRoute = duty.report(support.id(), UnitStatus.EN_ROUTE, null);
        assertThat(enRoute.changes()).singleElement().isInstanceOfSatisfying(IncidentChange.UnitProgress.class, p -> {
            assertThat(p.unitId()).isEqualTo(support.id());
            assertThat(p.status()).isEqualTo(UnitStatus.EN_ROUTE);
        });
        duty.report(support.id(), UnitStatus.ON_SCENE, null);
        StatusReport left = duty.report(support.id(), UnitStatus.RETURNING, null);

        assertThat(left.changes()).as("no Closed").isEmpty();
        Incident now = grid.incidents().get(incident);
        assertThat(now.state()).isEqualTo(IncidentState.DISPATCHED);
        assertThat(now.unitId()).isEqualTo(basic.id());
        assertThat(grid.units().get(support.id()).incidentId()).isNull();
        assertThat(dispatcher.followUps().find(incident)).hasValueSatisfying(f -> assertThat(f.open()).isFalse());
        assertThat(dispatcher.followUps().sweep(id -> true)).as("nothing sought any more")
                .noneMatch(c -> c.incident().id().equals(incident));
    }

    @Test
    void whenTheFirstUnitDeclinesTheSecondUnitAlreadyOnItsWayBecomesTheIncidentsUnit() {
        Unit basic = station(UnitLevel.BLS, north(MG_ROAD, 800));
        String incident = sosAt(MG_ROAD);
        dispatcher.dispatch(incident);
        Unit support = station(UnitLevel.ALS, north(MG_ROAD, 2_000));
        dispatcher.followUps().serve(incident);
        Unit other = station(UnitLevel.BLS, north(MG_ROAD, 400));

        StatusReport report = duty.report(basic.id(), UnitStatus.AVAILABLE, null);

        assertThat(report.outcomes()).singleElement().isInstanceOfSatisfying(Dispatched.class,
                d -> assertThat(d.unit().id()).isEqualTo(support.id()));
        assertThat(grid.incidents().get(incident).unitId()).isEqualTo(support.id());
        assertThat(grid.units().get(other.id()).isAvailable()).as("no third unit").isTrue();
        assertThat(dispatcher.followUps().serve(incident)).isEmpty();
        assertThat(dispatcher.followUps().find(incident)).hasValueSatisfying(f -> assertThat(f.open()).isFalse());
    }

    @Test
    void closingTheIncidentReleasesBothUnitsAndEndsTheFollowUp() {
        Unit basic = station(UnitLevel.BLS, north(MG_ROAD, 800));
        String incident = sosAt(MG_ROAD);
        dispatcher.dispatch(incident);
        Unit support = station(UnitLevel.ALS, north(MG_ROAD, 2_000));
        dispatcher.followUps().serve(incident);

        CloseResult result = closing.close(incident, "treated at home", false);

        assertThat(result).isInstanceOfSatisfying(CloseResult.Closed.class, c -> {
            assertThat(c.freedUnit().id()).isEqualTo(basic.id());
            assertThat(c.freedSupport().id()).isEqualTo(support.id());
        });
        assertThat(grid.units().get(basic.id()).status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(grid.units().get(support.id()).status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(grid.units().get(support.id()).incidentId()).isNull();
        assertThat(dispatcher.followUps().find(incident)).hasValueSatisfying(f -> assertThat(f.open()).isFalse());
        assertThat(message(incident, "CLOSED")).contains("second unit " + support.callSign() + " is released");
    }

    @Test
    void aFirstUnitHandingOverClosesTheIncidentAndFreesTheSecondUnitToo() {
        Unit basic = station(UnitLevel.BLS, north(MG_ROAD, 800));
        String incident = sosAt(MG_ROAD);
        dispatcher.dispatch(incident);
        Unit support = station(UnitLevel.ALS, north(MG_ROAD, 2_000));
        dispatcher.followUps().serve(incident);
        for (UnitStatus s : List.of(UnitStatus.EN_ROUTE, UnitStatus.ON_SCENE, UnitStatus.TRANSPORTING, UnitStatus.AT_HOSPITAL)) {
            duty.report(basic.id(), s, null);
        }

        StatusReport done = duty.report(basic.id(), UnitStatus.AVAILABLE, null);

        assertThat(done.changes()).anyMatch(c -> c instanceof IncidentChange.Closed);
        assertThat(done.alsoFreed()).extracting(Unit::id).containsExactly(support.id());
        assertThat(grid.units().get(support.id()).incidentId()).isNull();
    }

    @Test
    void aSecondUnitClaimedByARunThatDiedBeforeRecordingItIsFoundAndRecorded() {
        station(UnitLevel.BLS, north(MG_ROAD, 800));
        String incident = sosAt(MG_ROAD);
        dispatcher.dispatch(incident);
        Unit held = station(UnitLevel.ALS, north(MG_ROAD, 9_000));
        Unit nearer = station(UnitLevel.ALS, north(MG_ROAD, 2_000));
        new GridUnitClaims(grid, TestCity.CLOCK).claim(held.id(), incident);

        assertThat(dispatcher.followUps().sweep(id -> id.equals(incident))).singleElement()
                .isInstanceOfSatisfying(IncidentChange.SupportUnitSent.class, s -> assertThat(s.unitId()).isEqualTo(held.id()));
        assertThat(grid.units().get(nearer.id()).status()).as("no third unit").isEqualTo(UnitStatus.AVAILABLE);
        assertThat(message(incident, "SUPPORT_UNIT_SENT")).contains("already held for this incident");
    }

    @Test
    void theSweepServesOnlyTheIncidentsThisMemberOwns() {
        station(UnitLevel.BLS, north(MG_ROAD, 800));
        String incident = sosAt(MG_ROAD);
        dispatcher.dispatch(incident);
        Unit advanced = station(UnitLevel.ALS, north(MG_ROAD, 2_000));

        assertThat(dispatcher.followUps().sweep(id -> false)).isEmpty();
        assertThat(grid.units().get(advanced.id()).isAvailable()).isTrue();
        assertThat(dispatcher.followUps().sweep(id -> id.equals(incident))).hasSize(1);
        assertThat(grid.units().get(advanced.id()).incidentId()).isEqualTo(incident);
    }

    private String sosAt(Coordinates home) {
        return sos(TestCity.wearer(database, home, null));
    }

    private String sos(Wearer wearer) {
        String incident = intake.receive(wearer.alert(TestCity.id("sos"), AlertType.SOS)).receipt().incidentId();
        assertThat(grid.incidents().get(incident).needs()).isEqualTo(UnitLevel.ALS);
        raised.add(incident);
        return incident;
    }

    private Unit station(UnitLevel level, Coordinates at) {
        Unit unit = TestCity.unit(level, at);
        grid.units().put(unit.id(), unit);
        stationed.add(unit);
        await().atMost(Duration.ofSeconds(10)).until(() -> fleetOffers(unit));
        return unit;
    }

    private static boolean fleetOffers(Unit unit) {
        return fleet.nearestAvailable(FleetIndex.point(unit.position()), UnitLevel.BLS, 100, 50).stream()
                .anyMatch(c -> c.unitId().equals(unit.id()));
    }

    private static List<String> stages(String incidentId) {
        return timeline(incidentId).stream().map(e -> e.stage().name()).toList();
    }

    private static List<TimelineEntry> timeline(String incidentId) {
        return database.withConnection(c -> new TimelineRepository().of(c, incidentId));
    }

    private static String message(String incidentId, String stage) {
        return timeline(incidentId).stream().filter(e -> e.stage().name().equals(stage)).reduce((a, b) -> b)
                .map(TimelineEntry::message).orElseThrow(() -> new AssertionError("no " + stage + " on the timeline"));
    }
}
