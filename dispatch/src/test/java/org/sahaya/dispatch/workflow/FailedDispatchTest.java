package org.sahaya.dispatch.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.sahaya.core.incident.IncidentListener;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.metrics.StageTimers;
import org.sahaya.core.node.Offload;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.dispatch.area.ServiceAreas;
import org.sahaya.dispatch.assignment.Dispatcher;
import org.sahaya.dispatch.claims.GridBedClaims;
import org.sahaya.dispatch.claims.GridUnitClaims;
import org.sahaya.dispatch.claims.UnitClaims;
import org.sahaya.dispatch.eta.ConfiguredEta;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.hospital.HospitalBoard;
import org.sahaya.dispatch.intake.AlertIntake;
import org.sahaya.dispatch.intake.IntakeResult;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.dispatch.queue.QueueDrain;
import org.sahaya.dispatch.triage.Triage;

/**
 * DESIGN.md invariant 6 for dispatch: an automatic dispatch that throws leaves the incident QUEUED
 * with the reason on its timeline (never silently NEW) and tries again, against a real grid and
 * database, with the unit claims failing on purpose.
 */
class FailedDispatchTest {

    private static final Coordinates MG_ROAD = new Coordinates(12.9756, 77.6066);

    private final Clock clock = Clock.systemUTC();
    private final SahayaConfig config = SahayaConfig.from(Settings.of(Map.of()), false);
    private Database database;
    private Grid grid;
    private FleetIndex fleet;
    private Vertx vertx;
    private Offload offload;

    @BeforeEach
    void start() {
        database = Database.open("jdbc:h2:mem:failed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        grid = Grid.start(database, "test-" + UUID.randomUUID(), 5801, List.of());
        fleet = new FleetIndex(grid);
        vertx = Vertx.vertx();
        offload = new Offload();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
        offload.close();
        fleet.close();
        grid.close();
        database.close();
    }

    @Test
    void aDispatchThatFailsOnceIsQueuedWithTheReasonAndThenDispatchedByTheRetry() {
        Unit unit = station();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        IncidentWorkflow workflow = workflow(failingClaims(failuresLeft));

        String incident = raiseFall(workflow);

        await().atMost(Duration.ofSeconds(20)).until(() -> state(incident) == IncidentState.DISPATCHED);
        assertThat(grid.incidents().get(incident).unitId()).isEqualTo(unit.id());
        List<TimelineEntry> timeline = timeline(incident);
        assertThat(timeline).anySatisfy(e -> {
            assertThat(e.stage().name()).isEqualTo("QUEUED");
            assertThat(e.message()).contains("automatic dispatch failed (IllegalStateException)");
        });
        assertThat(timeline).anySatisfy(e -> {
            assertThat(e.stage().name()).isEqualTo(TimelineStage.WORKFLOW_FAILED.name());
            assertThat(e.message()).contains("retry 1 of " + FailedDispatches.MAX_RETRIES);
        });
    }

    @Test
    void aDispatchThatKeepsFailingLeavesTheIncidentQueuedWithTheReasonNotNew() {
        station();
        IncidentWorkflow workflow = workflow(failingClaims(new AtomicInteger(Integer.MAX_VALUE)));

        String incident = raiseFall(workflow);

        await().atMost(Duration.ofSeconds(20)).until(() -> timeline(incident).stream()
                .filter(e -> e.stage().name().equals(TimelineStage.WORKFLOW_FAILED.name())).count() >= 2);
        assertThat(state(incident)).isEqualTo(IncidentState.QUEUED);
        assertThat(timeline(incident)).filteredOn(e -> e.stage().name().equals("QUEUED")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("automatic dispatch failed"));
    }

    @Test
    void retriesGrowAndStop() {
        assertThat(FailedDispatches.delayAfter(1)).contains(Duration.ofSeconds(1));
        assertThat(FailedDispatches.delayAfter(2)).contains(Duration.ofSeconds(2));
        assertThat(FailedDispatches.delayAfter(7)).contains(Duration.ofSeconds(60));
        assertThat(FailedDispatches.delayAfter(FailedDispatches.MAX_RETRIES)).contains(Duration.ofSeconds(60));
        assertThat(FailedDispatches.delayAfter(FailedDispatches.MAX_RETRIES + 1)).isEmpty();
    }

    /** The real grid claims, failing as a lost database would while {@code failuresLeft} lasts. */
    private UnitClaims failingClaims(AtomicInteger failuresLeft) {
        GridUnitClaims real = new GridUnitClaims(grid, clock);
        return new UnitClaims() {
            @Override
            public Optional<Unit> claim(String unitId, String incidentId) {
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("connection is not available");
                }
                return real.claim(unitId, incidentId);
            }

            @Override
            public void release(String unitId, String incidentId) {
                real.release(unitId, incidentId);
            }
        };
    }

    private IncidentWorkflow workflow(UnitClaims claims) {
        Dispatcher dispatcher = new Dispatcher(grid, fleet, new HospitalBoard(grid), claims, new GridBedClaims(grid),
                DispatchPolicy.defaults(), ConfiguredEta.model(config.eta()), database, clock, java.time.ZoneId.of("Asia/Kolkata"), ServiceAreas.none());
        // The family is not what this test is about: dispatch decisions are heard and nothing is sent.
        IncidentListener family = new IncidentListener() {
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
        };
        return new IncidentWorkflow(new IncidentWorkflow.Parts(vertx, dispatcher,
                new QueueDrain(grid, fleet, dispatcher, ServiceAreas.none(), database), database,
                new StageTimers(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)), offload, clock,
                config::verificationWindow), new LoneMember(), family);
    }

    private Unit station() {
        String id = "KA-01-AMB-" + UUID.randomUUID().toString().substring(0, 8);
        Unit unit = new Unit(id, "KA-" + id.substring(id.length() - 4), UnitLevel.ALS, "Shivajinagar",
                new Coordinates(MG_ROAD.lat() + 0.01, MG_ROAD.lon()), UnitStatus.AVAILABLE, null, clock.instant());
        grid.units().put(unit.id(), unit);
        await().atMost(Duration.ofSeconds(10)).until(() -> fleet.availableAt(UnitLevel.ALS) > 0);
        return unit;
    }

    /** An SOS from a new wearer at MG Road: dispatched at once. */
    private String raiseFall(IncidentWorkflow workflow) {
        Subscriber subscriber = new Subscriber("SUB-" + UUID.randomUUID(), "Asha", MG_ROAD, "kn", null);
        Device device = new Device("dev-" + UUID.randomUUID(), subscriber.id(), "secret-" + UUID.randomUUID(), false);
        DirectoryRepository directory = new DirectoryRepository();
        database.inTransaction(c -> {
            directory.insert(c, subscriber);
            directory.insert(c, device);
            return null;
        });
        AlertIntake intake = new AlertIntake(database, grid, new Triage(type -> Duration.ZERO), clock);
        Instant now = clock.instant();
        IntakeResult result = intake.receive(new Alert("a-" + UUID.randomUUID(), device.id(), AlertType.SOS,
                now.minusSeconds(1), now, MG_ROAD, 10.0, null));
        assertThat(result.dispatchNow()).as("an SOS is dispatched at once").isTrue();
        workflow.start(result, now);
        return result.incident().id();
    }

    private IncidentState state(String incident) {
        return grid.incidents().get(incident).state();
    }

    private List<TimelineEntry> timeline(String incident) {
        return database.withConnection(c -> new TimelineRepository().of(c, incident));
    }
}
