package org.sahaya.dispatch.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.dispatch.intake.Correlation.Effect;
import org.sahaya.dispatch.triage.TriageDecision;

/** Open, join, stand down or raise, pure: the alert, its triage and the open incident in; the decision out. */
class CorrelationTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final Coordinates HOME = new Coordinates(12.97, 77.59);
    private static final Coordinates PARK = new Coordinates(12.98, 77.60);
    private static final Subscriber ASHA = new Subscriber("SUB-1", "Asha", HOME, "en", null);
    private static final TriageDecision SOS = new TriageDecision(Priority.P1, TriageAction.DISPATCH_NOW, UnitLevel.ALS,
            BedKind.ER, Duration.ZERO, "SOS: dispatch now");
    private static final TriageDecision FALL = new TriageDecision(Priority.P2, TriageAction.VERIFY_FIRST, UnitLevel.BLS,
            BedKind.ER, Duration.ofSeconds(60), "fall: verify first");
    private static final TriageDecision OK = new TriageDecision(Priority.P4, TriageAction.RECORD_ONLY, UnitLevel.BLS,
            null, Duration.ZERO, "I'm OK: record only");

    private final AtomicInteger named = new AtomicInteger();

    @Test
    void withNothingOpenAnAlertOpensAnIncidentAtItsLocationInTheStateTriageSays() {
        Correlation.Arrival arrival = Correlation.arrive(alert(AlertType.FALL, PARK), ASHA, FALL, Optional.empty(),
                this::newId, NOW);

        assertThat(arrival).isInstanceOfSatisfying(Correlation.Opens.class, o -> {
            assertThat(o.incident().id()).isEqualTo("INC-1");
            assertThat(o.incident().state()).isEqualTo(IncidentState.VERIFYING);
            assertThat(o.incident().location()).isEqualTo(PARK);
            assertThat(o.outcome()).isEqualTo(AlertOutcome.OPENED);
            assertThat(o.received()).isEqualTo("FALL alert A-1 received from device D-1");
        });
    }

    @Test
    void anAlertWithoutLocationOpensAtHomeAndSaysSo() {
        Correlation.Opens o = (Correlation.Opens) Correlation.arrive(alert(AlertType.SOS, null), ASHA, SOS,
                Optional.empty(), this::newId, NOW);

        assertThat(o.incident().location()).isEqualTo(HOME);
        assertThat(o.incident().state()).isEqualTo(IncidentState.NEW);
        assertThat(o.received()).isEqualTo("SOS alert A-1 (no location: home assumed) received from device D-1");
    }

    @Test
    void aRecordOnlyAlertIsRecordedNotOpenedForDispatch() {
        Correlation.Opens o = (Correlation.Opens) Correlation.arrive(alert(AlertType.CANCEL, HOME), ASHA, OK,
                Optional.empty(), this::newId, NOW);

        assertThat(o.incident().state()).isEqualTo(IncidentState.RECORDED);
        assertThat(o.outcome()).isEqualTo(AlertOutcome.RECORDED);
    }

    @Test
    void aSecondAlertOfASubscriberWithAnOpenIncidentJoinsItAndNamesNoNewIncident() {
        Incident open = incident(IncidentState.VERIFYING, Priority.P2);

        Correlation.Arrival arrival = Correlation.arrive(alert(AlertType.SOS, PARK), ASHA, SOS, Optional.of(open),
                this::newId, NOW);

        assertThat(arrival).isInstanceOfSatisfying(Correlation.Joins.class, j -> {
            assertThat(j.open()).isSameAs(open);
            assertThat(j.note()).isEqualTo("SOS alert A-1 from device D-1 joined the open incident (P1)");
        });
        assertThat(named).hasValue(0);
        Correlation.Joins ok = (Correlation.Joins) Correlation.arrive(alert(AlertType.CANCEL, PARK), ASHA, OK,
                Optional.of(open), this::newId, NOW);
        assertThat(ok.note()).isEqualTo("\"I'm OK\" received from device D-1 while the incident is VERIFYING");
    }

    @Test
    void imOkStandsDownAnIncidentNoAmbulanceWasSentToButIsOnlyNotedAfterADispatch() {
        assertThat(Correlation.afterJoin(incident(IncidentState.VERIFYING, Priority.P2), AlertType.CANCEL, OK))
                .isEqualTo(Effect.STAND_DOWN);
        assertThat(Correlation.afterJoin(incident(IncidentState.QUEUED, Priority.P2), AlertType.CANCEL, OK))
                .isEqualTo(Effect.STAND_DOWN);
        assertThat(Correlation.afterJoin(incident(IncidentState.DISPATCHED, Priority.P2), AlertType.CANCEL, OK))
                .isEqualTo(Effect.NONE);
    }

    @Test
    void aJoiningAlertThatNeedsActionMayRaiseTheIncidentARecordOnlyOneNever() {
        Incident open = incident(IncidentState.VERIFYING, Priority.P2);

        assertThat(Correlation.afterJoin(open, AlertType.SOS, SOS)).isEqualTo(Effect.RAISE);
        assertThat(Correlation.afterJoin(open, AlertType.LOW_BATTERY, OK)).isEqualTo(Effect.NONE);
        Incident raised = open.escalated(Priority.P1, TriageAction.DISPATCH_NOW, UnitLevel.ALS, BedKind.ER, NOW);
        assertThat(Correlation.raised(Priority.P2, raised, SOS)).isEqualTo("Raised from P2 to P1 (ALS): SOS: dispatch now");
    }

    private String newId() {
        return "INC-" + named.incrementAndGet();
    }

    private static Alert alert(AlertType type, Coordinates at) {
        return new Alert("A-1", "D-1", type, NOW, NOW, at, null, null);
    }

    private static Incident incident(IncidentState state, Priority priority) {
        return new Incident("INC-9", "SUB-1", AlertType.FALL, priority, TriageAction.VERIFY_FIRST, state, HOME, NOW, NOW,
                UnitLevel.BLS, BedKind.ER, null, null, null, null);
    }
}
