package org.sahaya.dispatch.assignment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.dispatch.TestCity;
import org.sahaya.dispatch.area.ServiceAreas;
import org.sahaya.dispatch.claims.GridBedClaims;
import org.sahaya.dispatch.claims.GridUnitClaims;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.hospital.DecisionResult;
import org.sahaya.dispatch.hospital.HospitalBoard;
import org.sahaya.dispatch.hospital.HospitalDecision.Verdict;
import org.sahaya.dispatch.hospital.HospitalDecision;
import org.sahaya.dispatch.incident.GridIncidents;
import org.sahaya.dispatch.intake.AlertIntake;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.dispatch.triage.Triage;
import org.sahaya.geo.eta.DetourEtaModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.dispatch.TestCity.MG_ROAD;
import static org.sahaya.dispatch.TestCity.east;
import static org.sahaya.dispatch.TestCity.north;

/**
 * A receiving hospital's decline against a real grid and database: the patient moves to the next hospital
 * and the decliner is never chosen again (not by the next decline, nor by a late bed); with no bed left the
 * incident stays DISPATCHED without one; of declines racing on two members exactly one moves the incident.
 */
class HospitalRerouteTest {

    private static Database database;
    private static Grid grid;
    private static FleetIndex fleet;
    private static HospitalBoard board;
    private static AlertIntake intake;
    private static Dispatcher dispatcher;

    private final List<Unit> stationed = new ArrayList<>();
    private final List<Hospital> opened = new ArrayList<>();

    @BeforeAll
    static void start() {
        database = TestCity.openDatabase();
        grid = TestCity.startGrid(database);
        fleet = new FleetIndex(grid);
        board = new HospitalBoard(grid);
        intake = new AlertIntake(database, grid,
                new Triage(SahayaConfig.from(Settings.of(Map.of()), false)::verificationWindow), TestCity.CLOCK);
        dispatcher = new Dispatcher(grid, fleet, board, new GridUnitClaims(grid, TestCity.CLOCK), new GridBedClaims(grid),
                DispatchPolicy.defaults(), DetourEtaModel.bengaluru(), database, TestCity.CLOCK, TestCity.ZONE,
                ServiceAreas.none());
    }

    @AfterAll
    static void stop() {
        board.close();
        fleet.close();
        grid.close();
        database.close();
    }

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
            await().atMost(Duration.ofSeconds(10)).until(() -> board.get(h.id()).filter(closed::equals).isPresent());
        }
    }

    @Test
    void eachDeclineMovesThePatientOnAndNoDeclinerIsChosenAgain() {
        station(north(MG_ROAD, 500));
        Hospital first = open("Bowring Hospital", east(MG_ROAD, 1_000));
        Hospital second = open("St. Martha's Hospital", east(MG_ROAD, 3_000));
        String incident = dispatchedFall();
        HospitalReroute reroute = reroute();
        assertThat(grid.incidents().get(incident).hospitalId()).isEqualTo(first.id());

        DecisionResult moved = reroute.decide(incident, first.id(), Verdict.DECLINE, "CT scanner down", first.id());

        assertThat(moved).isInstanceOfSatisfying(DecisionResult.Decided.class, d -> {
            IncidentChange.HospitalChanged change = d.change();
            assertThat(change.from()).isEqualTo(first.id());
            assertThat(change.to()).isEqualTo(second.id());
            assertThat(change.why()).contains("Bowring Hospital declined the patient").contains("St. Martha's Hospital");
            assertThat(d.incident().hospitalId()).isEqualTo(second.id());
        });
        assertThat(grid.hospitals().get(first.id()).reservations()).doesNotContainKey(incident);
        assertThat(grid.hospitals().get(first.id()).free(BedKind.ER)).isEqualTo(2);
        assertThat(grid.hospitals().get(second.id()).reservations()).containsKey(incident);
        assertThat(message(incident, "HOSPITAL_DECLINED")).contains("CT scanner down");
        assertThat(lastMessage(incident, "BED_RESERVED")).contains("after Bowring Hospital declined")
                .contains("Hospital St. Martha's Hospital");

        // The second declines too: the first, nearer and free, is not chosen; nobody else has a bed.
        DecisionResult none = reroute.decide(incident, second.id(), Verdict.DECLINE, "no cardiologist", second.id());

        assertThat(none).isInstanceOfSatisfying(DecisionResult.Decided.class, d -> {
            assertThat(d.change().to()).isNull();
            assertThat(d.incident().state()).isEqualTo(IncidentState.DISPATCHED);
            assertThat(d.incident().hospitalId()).isNull();
        });
        assertThat(lastMessage(incident, "NO_BED")).contains("No other hospital");
        assertThat(grid.hospitals().values()).noneMatch(h -> h.reservations().containsKey(incident));
        // A late bed never goes to a decliner, though both report free beds; a new hospital's does.
        assertThat(dispatcher.reserveLateBed(incident)).isEmpty();
        Hospital third = open("Manipal Hospital", east(MG_ROAD, 6_000));
        assertThat(dispatcher.reserveLateBed(incident)).hasValueSatisfying(h -> assertThat(h.hospitalId()).isEqualTo(third.id()));
        // And a decliner's later word changes nothing.
        assertThat(reroute.decide(incident, first.id(), Verdict.ACCEPT, null, first.id()))
                .isInstanceOf(DecisionResult.NotDispatched.class);
        assertThat(reroute.decide(incident, "HOSP-NOPE", Verdict.DECLINE, "x", "HOSP-NOPE"))
                .isInstanceOf(DecisionResult.NotYours.class);
    }

    @Test
    void ofDeclinesRacingOnTwoMembersExactlyOneMovesTheIncident() throws Exception {
        station(north(MG_ROAD, 500));
        Hospital first = open("Bowring Hospital", east(MG_ROAD, 1_000));
        open("St. Martha's Hospital", east(MG_ROAD, 3_000));
        open("Manipal Hospital", east(MG_ROAD, 6_000));
        String incident = dispatchedFall();
        // Each member has its own reroute: only the grid's atomic move keeps them apart.
        List<HospitalReroute> members = List.of(reroute(), reroute(), reroute(), reroute());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(members.size());
        List<Future<DecisionResult>> results = new ArrayList<>();
        for (HospitalReroute member : members) {
            Callable<DecisionResult> decline = () -> {
                go.await();
                return member.decide(incident, first.id(), Verdict.DECLINE, "ward closed", first.id());
            };
            results.add(threads.submit(decline));
        }
        go.countDown();
        List<DecisionResult> outcomes = new ArrayList<>();
        for (Future<DecisionResult> f : results) {
            outcomes.add(f.get());
        }
        threads.shutdown();

        assertThat(outcomes).filteredOn(DecisionResult.Decided.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(r -> !(r instanceof DecisionResult.Decided))
                .allMatch(r -> r instanceof DecisionResult.NotDispatched || r instanceof DecisionResult.NotYours);
        String now = grid.incidents().get(incident).hospitalId();
        assertThat(now).isNotNull().isNotEqualTo(first.id());
        assertThat(grid.hospitals().values().stream().filter(h -> h.reservations().containsKey(incident)).map(Hospital::id))
                .containsExactly(now);
        assertThat(timeline(incident).stream().filter(e -> e.stage().name().equals("HOSPITAL_DECLINED"))).hasSize(1);
    }

    private static HospitalReroute reroute() {
        return new HospitalReroute(grid, dispatcher, new GridBedClaims(grid), database, TestCity.CLOCK);
    }

    private static String dispatchedFall() {
        String incident = intake.receive(TestCity.wearer(database, MG_ROAD, null)
                .alert(TestCity.id("fall"), AlertType.FALL)).receipt().incidentId();
        assertThat(dispatcher.dispatch(incident)).isInstanceOf(DispatchOutcome.Dispatched.class);
        assertThat(new GridIncidents(grid).get(incident).orElseThrow().hospitalId()).isNotNull();
        return incident;
    }

    private void station(Coordinates at) {
        Unit unit = TestCity.unit(UnitLevel.BLS, at);
        grid.units().put(unit.id(), unit);
        stationed.add(unit);
        await().atMost(Duration.ofSeconds(10)).until(() -> fleet.nearestAvailable(FleetIndex.point(at), UnitLevel.BLS, 100, 50)
                .stream().anyMatch(c -> c.unitId().equals(unit.id())));
    }

    private Hospital open(String name, Coordinates at) {
        Hospital hospital = TestCity.hospital(name, at, false, Map.of(BedKind.ER, 2));
        grid.hospitals().put(hospital.id(), hospital);
        opened.add(hospital);
        await().atMost(Duration.ofSeconds(10)).until(() -> board.get(hospital.id()).filter(hospital::equals).isPresent());
        return hospital;
    }

    private static List<TimelineEntry> timeline(String incidentId) {
        return database.withConnection(c -> new TimelineRepository().of(c, incidentId));
    }

    private static String message(String incidentId, String stage) {
        return timeline(incidentId).stream().filter(e -> e.stage().name().equals(stage)).findFirst()
                .map(TimelineEntry::message).orElseThrow(() -> new AssertionError("no " + stage + " on the timeline"));
    }

    private static String lastMessage(String incidentId, String stage) {
        return timeline(incidentId).stream().filter(e -> e.stage().name().equals(stage)).reduce((a, b) -> b)
                .map(TimelineEntry::message).orElseThrow(() -> new AssertionError("no " + stage + " on the timeline"));
    }
}
