package org.sahaya.notify.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahaya.core.incident.Priority;
import org.sahaya.notify.FamilyFixture;

class EscalationPolicyTest {

    private static final Instant T0 = Instant.parse("2025-01-15T14:05:00Z");
    private final EscalationPolicy policy = new EscalationPolicy(
            Map.of(Priority.P1, Duration.ofSeconds(90), Priority.P2, Duration.ofSeconds(180)),
            Map.of(Priority.P1, Duration.ofSeconds(60)));

    @Test
    void firstCallIsDueTheConfiguredTimeAfterTheFirstMessagesAndNeverForAPriorityWithoutOne() {
        assertThat(policy.firstCallAt(Priority.P1, T0)).contains(T0.plusSeconds(90));
        assertThat(policy.firstCallAt(Priority.P2, T0)).contains(T0.plusSeconds(180));
        assertThat(policy.firstCallAt(Priority.P4, T0)).isEmpty();
    }

    @Test
    void callsGoToEachContactInCallOrderThenEndVisibly() {
        var family = List.of(FamilyFixture.RAVI_LONDON, FamilyFixture.MEERA_DUBAI);
        Instant due = T0.plusSeconds(90);

        var first = (EscalationPolicy.Decision.Call) policy.next(open(0), family, due);
        var second = (EscalationPolicy.Decision.Call) policy.next(open(1), family, due.plusSeconds(60));
        var after = policy.next(open(2), family, due.plusSeconds(120));

        assertThat(first.contact()).isEqualTo(FamilyFixture.RAVI_LONDON);
        assertThat(first.stepNumber()).isEqualTo(1);
        assertThat(first.nextAt()).isEqualTo(due.plusSeconds(60));
        assertThat(second.contact()).isEqualTo(FamilyFixture.MEERA_DUBAI);
        assertThat(after).isEqualTo(new EscalationPolicy.Decision.Exhausted(
                "no acknowledgement after calling all 2 contacts"));
    }

    @Test
    void anAcknowledgedEscalationCallsNobody() {
        Escalation acknowledged = new Escalation("INC-1", Priority.P1, T0, 1, null, T0.plusSeconds(100), "CON-1",
                AckVia.LINK, null);
        assertThat(policy.next(acknowledged, FamilyFixture.FAMILY, T0.plusSeconds(500)))
                .isInstanceOf(EscalationPolicy.Decision.Nothing.class);
    }

    private static Escalation open(int step) {
        return new Escalation("INC-1", Priority.P1, T0, step, T0.plusSeconds(90), null, null, null, null);
    }
}
