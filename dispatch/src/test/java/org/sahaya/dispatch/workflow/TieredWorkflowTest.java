package org.sahaya.dispatch.workflow;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.config.Settings;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.core.incident.IncidentListener;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.metrics.StageTimers;
import org.sahaya.core.node.Offload;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.persistence.Database;
import org.sahaya.dispatch.TestCity;
import org.sahaya.dispatch.area.ServiceAreas;
import org.sahaya.dispatch.assignment.Dispatcher;
import org.sahaya.dispatch.assignment.HospitalReroute;
import org.sahaya.dispatch.assignment.UnitAssignment;
import org.sahaya.dispatch.claims.GridBedClaims;
import org.sahaya.dispatch.claims.GridUnitClaims;
import org.sahaya.dispatch.duty.DutyCycle;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.fleet.GridFleet;
import org.sahaya.dispatch.hospital.HospitalBoard;
import org.sahaya.dispatch.incident.GridIncidents;
import org.sahaya.dispatch.incident.IncidentClosing;
import org.sahaya.dispatch.intake.AlertIntake;
import org.sahaya.dispatch.intake.IntakeResult;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.dispatch.queue.QueueDrain;
import org.sahaya.dispatch.triage.Triage;
import org.sahaya.geo.eta.DetourEtaModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * BLS first and live ETA as the node wires them (workflow, desk, queue, listeners), on a real grid,
 * database and Vert.x: the ALS unit follows by every path (at once, a unit freed, the sweep), its
 * dispatch is told as SupportUnitSent, and the positions of the unit on its way are told as EtaChanged.
 */
class TieredWorkflowTest {

    private static final Coordinates MG_ROAD = TestCity.MG_ROAD;

    private final Clock clock = Clock.systemUTC();
    private final List<IncidentChange> heard = new CopyOnWriteArrayList<>();
    private Database database;
    private Grid grid;
    private FleetIndex fleet;
    private HospitalBoard board;
    private Vertx vertx;
    private Offload offload;
    private AlertIntake intake;
    private IncidentWorkflow workflow;
    private DispatchDesk desk;
    private Dispatcher dispatcher;

    @BeforeEach
    void start() {
        database = TestCity.openDatabase();
        grid = TestCity.startGrid(database);
        fleet = new FleetIndex(grid);
        board = new HospitalBoard(grid);
        vertx = Vertx.vertx();
        offload = new Offload();
        SahayaConfig config = SahayaConfig.from(Settings.of(Map.of()), false);
        intake = new AlertIntake(database, grid, new Triage(config::verificationWindow), clock);
        GridUnitClaims claims = new GridUnitClaims(grid, clock);
        GridBedClaims beds = new GridBedClaims(grid);
        dispatcher = new Dispatcher(grid, fleet, board, claims, beds,
                DispatchPolicy.defaults().withAlsWait(config.alsWait()), DetourEtaModel.bengaluru(), database, clock,
                TestCity.ZONE, ServiceAreas.none());
        IncidentListener listener = new IncidentListener() {
            @Override
            public List<Notification> dispatched(Incident incident) {
                return List.of();
            }

            @Override
            public List<Notification> queued(Incident incident) {
                return List.of();
            }

            @Override
            public void alertStored(Alert alert, Incident incident, AlertOutcome outcome) {
            }

            @Override
            public void changed(IncidentChange change) {
                heard.add(change);
            }
        };
        workflow = new IncidentWorkflow(new IncidentWorkflow.Parts(vertx, dispatcher,
                new QueueDrain(grid, fleet, dispatcher, ServiceAreas.none(), database), database,
                new StageTimers(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)), offload, clock,
                config::verificationWindow), new LoneMember(), listener);
        IncidentClosing closing = new IncidentClosing(grid, claims, beds, database, clock);
        GridFleet gridFleet = new GridFleet(grid, clock);
        desk = new DispatchDesk(grid, gridFleet, new DutyCycle(gridFleet, fleet, new GridIncidents(grid), dispatcher, closing,
                database, clock), beds, new UnitAssignment(grid, dispatcher, claims, fleet, database, clock), closing, workflow,
                dispatcher, database, new HospitalReroute(grid, dispatcher, beds, database, clock), clock);
    }

    @AfterEach
    void stop() {
        vertx.close().await();
        offload.close();
        board.close();
        fleet.close();
        grid.close();
        database.close();
    }

    @Test
    void theAlsUnitFreeButTooFarAwayFollowsTheBasicUnitAtOnce() {
        Unit basic = station(UnitLevel.BLS, TestCity.north(MG_ROAD, 800), UnitStatus.AVAILABLE);
        Unit advanced = station(UnitLevel.ALS, TestCity.north(MG_ROAD, 20_000), UnitStatus.AVAILABLE);

        String incident = raiseSos();

        await().atMost(Duration.ofSeconds(20)).until(() -> supportSent(incident, advanced.id()));
        assertThat(grid.incidents().get(incident).unitId()).isEqualTo(basic.id());
        assertThat(grid.units().get(basic.id()).incidentId()).isEqualTo(incident);
        assertThat(grid.units().get(advanced.id()).incidentId()).isEqualTo(incident);
    }

    @Test
    void anAlsUnitFreedByItsCrewGoesToTheIncidentStillSeekingOne() {
        station(UnitLevel.BLS, TestCity.north(MG_ROAD, 800), UnitStatus.AVAILABLE);
        Unit returning = station(UnitLevel.ALS, TestCity.north(MG_ROAD, 3_000), UnitStatus.RETURNING);
        String incident = raiseSos();
        await().atMost(Duration.ofSeconds(20)).until(() -> grid.incidents().get(incident).state() == IncidentState.DISPATCHED);

        desk.status(returning.id(), UnitStatus.AVAILABLE, null);

        await().atMost(Duration.ofSeconds(20)).until(() -> supportSent(incident, returning.id()));
        assertThat(grid.units().get(returning.id()).incidentId()).isEqualTo(incident);
    }

    @Test
    void theSweepSendsAnAlsUnitThatAppearedWithoutAFreedEvent() {
        station(UnitLevel.BLS, TestCity.north(MG_ROAD, 800), UnitStatus.AVAILABLE);
        // Dispatched without the workflow, so that only the sweep can send the ALS unit.
        TestCity.Wearer wearer = TestCity.wearer(database, MG_ROAD, null);
        String incident = intake.receive(new Alert(TestCity.id("a"), wearer.device().id(), AlertType.SOS,
                clock.instant().minusSeconds(1), clock.instant(), MG_ROAD, 10.0, null)).incident().id();
        dispatcher.dispatch(incident);
        assertThat(grid.incidents().get(incident).state()).isEqualTo(IncidentState.DISPATCHED);
        Unit appeared = station(UnitLevel.ALS, TestCity.north(MG_ROAD, 3_000), UnitStatus.AVAILABLE);

        workflow.sweepAlsFollowUps(Duration.ofMillis(200));

        await().atMost(Duration.ofSeconds(20)).until(() -> supportSent(incident, appeared.id()));
    }

    @Test
    void aDispatchedFallRaisedToAlsBySosGetsAnAlsUnitBesideItsBasicUnit() {
        Unit basic = station(UnitLevel.BLS, TestCity.north(MG_ROAD, 800), UnitStatus.AVAILABLE);
        TestCity.Wearer wearer = TestCity.wearer(database, MG_ROAD, null);
        String incident = raise(AlertType.FALL, wearer);
        await().atMost(Duration.ofSeconds(20)).until(() -> grid.incidents().get(incident).state() == IncidentState.DISPATCHED);
        assertThat(grid.incidents().get(incident).needs()).isEqualTo(UnitLevel.BLS);
        Unit advanced = station(UnitLevel.ALS, TestCity.north(MG_ROAD, 3_000), UnitStatus.AVAILABLE);

        assertThat(raise(AlertType.SOS, wearer)).isEqualTo(incident);

        await().atMost(Duration.ofSeconds(20)).until(() -> supportSent(incident, advanced.id()));
        assertThat(grid.incidents().get(incident).unitId()).isEqualTo(basic.id());
    }

    @Test
    void positionsOfTheUnitOnItsWayAreToldAsEtaChanges() {
        Unit unit = station(UnitLevel.BLS, TestCity.north(MG_ROAD, 6_000), UnitStatus.AVAILABLE);
        Unit idle = station(UnitLevel.BLS, TestCity.north(MG_ROAD, 30_000), UnitStatus.AVAILABLE);
        String incident = raiseFall();
        await().atMost(Duration.ofSeconds(20)).until(() -> grid.incidents().get(incident).state() == IncidentState.DISPATCHED);
        assertThat(grid.incidents().get(incident).unitId()).isEqualTo(unit.id());
        int atDispatch = grid.incidents().get(incident).etaSeconds();

        desk.position(idle.id(), TestCity.north(MG_ROAD, 100));
        desk.position(unit.id(), TestCity.north(MG_ROAD, 1_500));

        await().atMost(Duration.ofSeconds(20)).until(() -> heard.stream().anyMatch(c -> c instanceof IncidentChange.EtaChanged));
        assertThat(heard).filteredOn(c -> c instanceof IncidentChange.EtaChanged).singleElement()
                .isInstanceOfSatisfying(IncidentChange.EtaChanged.class, e -> {
                    assertThat(e.unitId()).isEqualTo(unit.id());
                    assertThat(e.previousEtaSeconds()).isEqualTo(atDispatch);
                    assertThat(e.incident().etaSeconds()).isLessThan(atDispatch);
                });
    }

    private boolean supportSent(String incident, String unitId) {
        return heard.stream().anyMatch(c -> c instanceof IncidentChange.SupportUnitSent s
                && s.incident().id().equals(incident) && s.unitId().equals(unitId));
    }

    private String raiseSos() {
        return raise(AlertType.SOS);
    }

    private String raiseFall() {
        return raise(AlertType.FALL);
    }

    private String raise(AlertType type) {
        return raise(type, TestCity.wearer(database, MG_ROAD, null));
    }

    private String raise(AlertType type, TestCity.Wearer wearer) {
        Instant now = clock.instant();
        IntakeResult result = intake.receive(new Alert(TestCity.id("a"), wearer.device().id(), type,
                now.minusSeconds(1), now, MG_ROAD, 10.0, null));
        workflow.start(result, now);
        return result.incident().id();
    }

    private Unit station(UnitLevel level, Coordinates at, UnitStatus status) {
        Unit unit = TestCity.unit(level, at);
        unit = new Unit(unit.id(), unit.callSign(), level, unit.station(), at, status, null, clock.instant());
        grid.units().put(unit.id(), unit);
        Unit placed = unit;
        await().atMost(Duration.ofSeconds(10)).until(() -> fleet.unit(placed.id()).filter(placed::equals).isPresent());
        return unit;
    }
}
