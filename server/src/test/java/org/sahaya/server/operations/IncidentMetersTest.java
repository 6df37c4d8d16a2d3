package org.sahaya.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;
import org.sahaya.core.testing.MutableClock;

/** What the operations meters make of an incident's news, on a clock the test moves. */
class IncidentMetersTest {

    static final Instant OPENED = Instant.parse("2026-11-03T10:00:00Z");

    final MutableClock clock = new MutableClock(OPENED);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final IncidentMeters meters = new IncidentMeters(registry, clock);

    @Test
    void aQueuedIncidentIsTimedFromItsAlertToItsDispatchAndCountedAgainstTheFiveMinutes() {
        Incident waiting = incident("INC-1", IncidentState.QUEUED, null, null);
        meters.queued(waiting);
        clock.advance(Duration.ofMinutes(6));

        meters.dispatched(dispatched(waiting, "U-1"));

        assertThat(timer(IncidentMeters.QUEUE_WAIT).count()).isEqualTo(1);
        assertThat(timer(IncidentMeters.QUEUE_WAIT).totalTime(TimeUnit.SECONDS)).isEqualTo(360);
        assertThat(sla("met")).isZero();
        assertThat(sla("missed")).isEqualTo(1);
    }

    @Test
    void anIncidentDispatchedAtOnceIsMetAndHasNoQueueWait() {
        clock.advance(Duration.ofSeconds(2));

        meters.dispatched(dispatched(incident("INC-2", IncidentState.NEW, null, null), "U-2"));

        assertThat(sla("met")).isEqualTo(1);
        assertThat(timer(IncidentMeters.QUEUE_WAIT).count()).isZero();
    }

    @Test
    void onlyTheFirstDispatchCountsAndARetoldOneIsNotMeasuredAgain() {
        Incident first = dispatched(incident("INC-3", IncidentState.NEW, null, null), "U-3");
        meters.dispatched(first);
        clock.advance(Duration.ofMinutes(1));
        meters.dispatched(dispatched(incident("INC-3", IncidentState.QUEUED, null, null), "U-4")); // a re-dispatch
        clock.advance(Duration.ofMinutes(10));

        meters.dispatched(first); // announced again after a restart

        assertThat(sla("met") + sla("missed")).isEqualTo(1);
    }

    @Test
    void theCrewsAcceptanceAndArrivalAreTimedFromTheDispatchOncePerUnitAndStatus() {
        clock.advance(Duration.ofSeconds(20));
        Incident incident = dispatched(incident("INC-4", IncidentState.NEW, null, null), "U-5");
        meters.dispatched(incident);
        clock.advance(Duration.ofSeconds(45));
        IncidentChange accepted = new IncidentChange.UnitProgress(incident, clock.instant(), "U-5", UnitStatus.EN_ROUTE);
        meters.changed(accepted);
        meters.changed(accepted);
        meters.changed(new IncidentChange.UnitProgress(incident, clock.instant(), "U-ALS", UnitStatus.EN_ROUTE));
        clock.advance(Duration.ofMinutes(8));

        meters.changed(new IncidentChange.UnitProgress(incident, clock.instant(), "U-5", UnitStatus.ON_SCENE));

        assertThat(timer(IncidentMeters.ACCEPTANCE).count()).isEqualTo(1);
        assertThat(timer(IncidentMeters.ACCEPTANCE).totalTime(TimeUnit.SECONDS)).isEqualTo(45);
        assertThat(timer(IncidentMeters.ON_SCENE).count()).isEqualTo(1);
        assertThat(timer(IncidentMeters.ON_SCENE).totalTime(TimeUnit.SECONDS)).isEqualTo(525);
    }

    @Test
    void anIncidentWhoseUnitLeftWaitsAgainFromThatMoment() {
        Incident incident = dispatched(incident("INC-5", IncidentState.NEW, null, null), "U-6");
        meters.dispatched(incident);
        clock.advance(Duration.ofMinutes(3));
        Incident requeued = incident.unitLeft(clock.instant());
        meters.changed(new IncidentChange.UnitReleased(requeued, clock.instant(), "U-6",
                IncidentChange.Reason.DECLINED, "the crew of U-6 declined"));
        clock.advance(Duration.ofSeconds(90));

        meters.dispatched(dispatched(requeued, "U-7"));

        assertThat(timer(IncidentMeters.QUEUE_WAIT).count()).isEqualTo(1);
        assertThat(timer(IncidentMeters.QUEUE_WAIT).totalTime(TimeUnit.SECONDS)).isEqualTo(90);
    }

    private Incident dispatched(Incident incident, String unit) {
        return incident.dispatched(unit, "H-1", 420, clock.instant());
    }

    static Incident incident(String id, IncidentState state, String unit, Instant dispatchedAt) {
        return new Incident(id, "S-1", AlertType.FALL, Priority.P2, TriageAction.DISPATCH_NOW, state,
                new Coordinates(12.97, 77.59), OPENED, OPENED, null, null, unit, null, null, dispatchedAt);
    }

    private Timer timer(String name) {
        return registry.get(name).timer();
    }

    private double sla(String outcome) {
        return registry.get(IncidentMeters.SLA_DISPATCH).tag("outcome", outcome).counter().count();
    }
}
