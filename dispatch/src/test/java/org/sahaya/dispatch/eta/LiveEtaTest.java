package org.sahaya.dispatch.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.dispatch.TestCity.MG_ROAD;
import static org.sahaya.dispatch.TestCity.north;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.dispatch.TestCity;
import org.sahaya.dispatch.area.ServiceAreas;
import org.sahaya.dispatch.assignment.DispatchOutcome.Dispatched;
import org.sahaya.dispatch.assignment.Dispatcher;
import org.sahaya.dispatch.claims.GridBedClaims;
import org.sahaya.dispatch.claims.GridUnitClaims;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.fleet.GridFleet;
import org.sahaya.dispatch.hospital.HospitalBoard;
import org.sahaya.dispatch.incident.GridIncidents;
import org.sahaya.dispatch.intake.AlertIntake;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.dispatch.triage.Triage;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.eta.DetourEtaModel;
import org.sahaya.geo.eta.EtaModel;

/**
 * Live ETA against a real grid and database: positions of the unit on its way refresh the incident's ETA
 * with the dispatch's own model once it moved by 15 s, stored on the incident as it is persisted; other
 * units' positions change nothing.
 */
class LiveEtaTest {

    private static final EtaModel MODEL = DetourEtaModel.bengaluru();

    private static Database database;
    private static Grid grid;
    private static FleetIndex fleet;
    private static HospitalBoard board;
    private static AlertIntake intake;
    private static Dispatcher dispatcher;
    private static GridFleet gridFleet;
    private static GridIncidents incidents;
    private static LiveEta liveEta;

    private final List<Unit> stationed = new ArrayList<>();

    @BeforeAll
    static void start() {
        database = TestCity.openDatabase();
        grid = TestCity.startGrid(database);
        fleet = new FleetIndex(grid);
        board = new HospitalBoard(grid);
        intake = new AlertIntake(database, grid,
                new Triage(SahayaConfig.from(Settings.of(Map.of()), false)::verificationWindow), TestCity.CLOCK);
        dispatcher = new Dispatcher(grid, fleet, board, new GridUnitClaims(grid, TestCity.CLOCK), new GridBedClaims(grid),
                DispatchPolicy.defaults(), MODEL, database, TestCity.CLOCK, TestCity.ZONE, ServiceAreas.none());
        gridFleet = new GridFleet(grid, TestCity.CLOCK);
        incidents = new GridIncidents(grid);
        liveEta = new LiveEta(incidents, dispatcher, database, TestCity.CLOCK);
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
            grid.units().put(u.id(), new Unit(u.id(), u.callSign(), u.level(), u.station(), now.position(),
                    UnitStatus.OUT_OF_SERVICE, null, TestCity.NOW));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> stationed.stream().allMatch(
                u -> fleet.unit(u.id()).map(seen -> seen.status() == UnitStatus.OUT_OF_SERVICE).orElse(true)));
    }

    @Test
    void positionsOfTheUnitOnItsWayMoveTheIncidentsEta() {
        Unit unit = station(north(MG_ROAD, 6_000));
        String incident = dispatchedFall();
        int atDispatch = grid.incidents().get(incident).etaSeconds();

        Optional<IncidentChange.EtaChanged> changed = liveEta.moved(gridFleet.move(unit.id(), north(MG_ROAD, 1_000)).orElseThrow());

        int expected = (int) MODEL.eta(GeoPoint.of(north(MG_ROAD, 1_000).lat(), MG_ROAD.lon()),
                FleetIndex.point(MG_ROAD), TestCity.NOW.atZone(TestCity.ZONE)).toSeconds();
        assertThat(changed).hasValueSatisfying(c -> {
            assertThat(c.unitId()).isEqualTo(unit.id());
            assertThat(c.previousEtaSeconds()).isEqualTo(atDispatch);
            assertThat(c.incident().etaSeconds()).isEqualTo(expected).isLessThan(atDispatch);
            assertThat(c.incident().etaUpdatedAt()).isEqualTo(TestCity.NOW);
        });
        Incident stored = database.withConnection(c -> new IncidentRepository().find(c, incident)).orElseThrow();
        assertThat(stored.etaSeconds()).as("persisted as the incident is").isEqualTo(expected);
        assertThat(stored.etaUpdatedAt()).isEqualTo(TestCity.NOW);
        assertThat(stages(incident)).as("moved by minutes: on the timeline").contains("ETA_CHANGED");
    }

    @Test
    void aMoveOfLessThanFifteenSecondsChangesNothing() {
        Unit unit = station(north(MG_ROAD, 6_000));
        String incident = dispatchedFall();
        Incident before = grid.incidents().get(incident);

        assertThat(liveEta.moved(gridFleet.move(unit.id(), north(MG_ROAD, 5_990)).orElseThrow())).isEmpty();

        assertThat(grid.incidents().get(incident)).isEqualTo(before);
        assertThat(stages(incident)).doesNotContain("ETA_CHANGED");
    }

    @Test
    void aMoveOfLessThanTwoMinutesIsToldButNotWrittenOnTheTimeline() {
        Unit unit = station(north(MG_ROAD, 6_000));
        String incident = dispatchedFall();
        int atDispatch = grid.incidents().get(incident).etaSeconds();
        Coordinates aLittleNearer = nearerByAboutAMinute(north(MG_ROAD, 6_000), atDispatch);

        Optional<IncidentChange.EtaChanged> changed = liveEta.moved(gridFleet.move(unit.id(), aLittleNearer).orElseThrow());

        assertThat(changed).hasValueSatisfying(c -> assertThat(atDispatch - c.incident().etaSeconds()).isBetween(15, 119));
        assertThat(stages(incident)).doesNotContain("ETA_CHANGED");
    }

    @Test
    void unitsNotOnTheirWayToTheIncidentDoNotMoveItsEta() {
        Unit unit = station(north(MG_ROAD, 6_000));
        String incident = dispatchedFall();
        Unit idle = station(north(MG_ROAD, 9_000));
        Incident before = grid.incidents().get(incident);

        assertThat(liveEta.moved(gridFleet.move(idle.id(), north(MG_ROAD, 100)).orElseThrow())).as("a free unit").isEmpty();
        assertThat(incidents.etaRefreshed(incident, idle.id(), 10, LiveEta.MIN_CHANGE_SECONDS, TestCity.NOW))
                .as("not the incident's unit").isEmpty();
        gridFleet.changeStatus(unit.id(), UnitStatus.EN_ROUTE);
        gridFleet.changeStatus(unit.id(), UnitStatus.ON_SCENE);
        assertThat(liveEta.moved(gridFleet.move(unit.id(), north(MG_ROAD, 10)).orElseThrow())).as("already on scene").isEmpty();

        assertThat(grid.incidents().get(incident).etaSeconds()).isEqualTo(before.etaSeconds());
    }

    @Test
    void enRoutePositionsStillRefreshTheEta() {
        Unit unit = station(north(MG_ROAD, 6_000));
        dispatchedFall();
        gridFleet.changeStatus(unit.id(), UnitStatus.EN_ROUTE);

        assertThat(liveEta.moved(gridFleet.move(unit.id(), north(MG_ROAD, 2_000)).orElseThrow())).isPresent();
    }

    /** A point between {@code from} and MG Road whose ETA is between 15 s and 2 min less than {@code eta}. */
    private static Coordinates nearerByAboutAMinute(Coordinates from, int eta) {
        for (int metres = 20; metres < 3_000; metres += 20) {
            Coordinates at = north(from, -metres);
            long now = MODEL.eta(FleetIndex.point(at), FleetIndex.point(MG_ROAD), TestCity.NOW.atZone(TestCity.ZONE)).toSeconds();
            if (eta - now >= 30 && eta - now <= 100) {
                return at;
            }
        }
        throw new AssertionError("no such point");
    }

    private String dispatchedFall() {
        TestCity.Wearer wearer = TestCity.wearer(database, MG_ROAD, null);
        String incident = intake.receive(wearer.alert(TestCity.id("fall"), AlertType.FALL)).receipt().incidentId();
        assertThat(dispatcher.dispatch(incident)).isInstanceOf(Dispatched.class);
        return incident;
    }

    private Unit station(Coordinates at) {
        Unit unit = TestCity.unit(UnitLevel.BLS, at);
        grid.units().put(unit.id(), unit);
        stationed.add(unit);
        await().atMost(Duration.ofSeconds(10)).until(() -> fleet.nearestAvailable(FleetIndex.point(at), UnitLevel.BLS, 100, 50)
                .stream().anyMatch(c -> c.unitId().equals(unit.id())));
        return unit;
    }

    private static List<String> stages(String incidentId) {
        return database.withConnection(c -> new TimelineRepository().of(c, incidentId)).stream()
                .map(e -> e.stage().name()).toList();
    }
}
