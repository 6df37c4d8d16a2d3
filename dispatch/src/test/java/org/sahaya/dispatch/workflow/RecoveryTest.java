package org.sahaya.dispatch.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;

/** What a member does with the open incidents it takes up: plain data in, steps out. */
class RecoveryTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Function<AlertType, Duration> WINDOW = type -> Duration.ofSeconds(60);

    @Test
    void eachOpenIncidentGetsWhatItNeedsMostUrgentFirstThenOldest() {
        Incident dispatched = incident("INC-D", Priority.P2, IncidentState.DISPATCHED, 300);
        Incident verifying = incident("INC-V", Priority.P1, IncidentState.VERIFYING, 20);
        Incident queued = incident("INC-Q", Priority.P1, IncidentState.QUEUED, 600);
        Incident fresh = incident("INC-N", Priority.P3, IncidentState.NEW, 900);

        List<Recovery.Step> steps = Recovery.steps(List.of(dispatched, verifying, queued, fresh), WINDOW);

        assertThat(steps).containsExactly(
                new Recovery.Dispatch(queued),
                new Recovery.AwaitWindow(verifying, NOW.minusSeconds(20).plusSeconds(60)),
                new Recovery.Retell(dispatched),
                new Recovery.Dispatch(fresh));
    }

    @Test
    void aVerificationWindowAlreadyOverLeavesNothingToWait() {
        assertThat(Recovery.left(NOW.plusSeconds(40), NOW)).isEqualTo(Duration.ofSeconds(40));
        assertThat(Recovery.left(NOW.minusSeconds(5), NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void waitingAreNewQueuedAndVerifyingPastTheirWindowMostUrgentFirstThenOldest() {
        Incident stillVerifying = incident("INC-V1", Priority.P1, IncidentState.VERIFYING, 30);
        Incident verified = incident("INC-V2", Priority.P2, IncidentState.VERIFYING, 60);
        Incident queuedOld = incident("INC-Q1", Priority.P2, IncidentState.QUEUED, 600);
        Incident fresh = incident("INC-N", Priority.P1, IncidentState.NEW, 5);

        assertThat(Recovery.waiting(List.of(stillVerifying, verified, queuedOld, fresh), NOW, WINDOW))
                .containsExactly(fresh, queuedOld, verified);
    }

    private static Incident incident(String id, Priority priority, IncidentState state, int openedSecondsAgo) {
        Instant opened = NOW.minusSeconds(openedSecondsAgo);
        return new Incident(id, "SUB-1", AlertType.FALL, priority, TriageAction.DISPATCH_NOW, state,
                new Coordinates(12.97, 77.59), opened, opened, null, null, null, null, null, null);
    }
}
