package org.sahaya.loadtest.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sahaya.core.fleet.UnitStatus;

class CrewScheduleTest {

    private final CrewSchedule crews = new CrewSchedule(Duration.ofSeconds(20));

    @Test
    void aDispatchedUnitAcknowledgesAtOnceIsOnSceneAtHalfAndFreeAtTheEnd() {
        assertThat(crews.dispatched("AMB-001", "I-1", 1_000)).isTrue();

        assertThat(crews.due(1_000)).containsExactly(new CrewSchedule.Move(1_000, "AMB-001", "I-1", "EN_ROUTE"));
        assertThat(crews.due(10_999)).isEmpty();
        assertThat(crews.due(11_000)).containsExactly(new CrewSchedule.Move(11_000, "AMB-001", "I-1", "ON_SCENE"));
        assertThat(crews.due(60_000)).containsExactly(new CrewSchedule.Move(21_000, "AMB-001", "I-1", "AVAILABLE"));
        assertThat(crews.due(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void everyPlannedSequenceIsAllowedFromDispatched() {
        crews.dispatched("AMB-001", "I-1", 0);
        UnitStatus at = UnitStatus.DISPATCHED;
        for (CrewSchedule.Move move : crews.due(Long.MAX_VALUE)) {
            at = at.moveTo(UnitStatus.valueOf(move.status()));
        }
        assertThat(at).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(UnitStatus.REPORTABLE).contains(UnitStatus.EN_ROUTE, UnitStatus.ON_SCENE, UnitStatus.AVAILABLE);
    }

    @Test
    void aJobSeenAgainOnTheNextPollIsPlannedOnceButTheSameUnitsNextIncidentIsANewJob() {
        assertThat(crews.dispatched("AMB-001", "I-1", 0)).isTrue();
        assertThat(crews.dispatched("AMB-001", "I-1", 1_000)).isFalse();
        assertThat(crews.dispatched("AMB-001", "I-2", 21_000)).isTrue();

        assertThat(crews.jobs()).isEqualTo(2);
        assertThat(crews.due(Long.MAX_VALUE)).extracting(CrewSchedule.Move::incidentId, CrewSchedule.Move::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("I-1", "EN_ROUTE"),
                        org.assertj.core.groups.Tuple.tuple("I-1", "ON_SCENE"),
                        org.assertj.core.groups.Tuple.tuple("I-1", "AVAILABLE"),
                        org.assertj.core.groups.Tuple.tuple("I-2", "EN_ROUTE"),
                        org.assertj.core.groups.Tuple.tuple("I-2", "ON_SCENE"),
                        org.assertj.core.groups.Tuple.tuple("I-2", "AVAILABLE"));
    }

    @Test
    void aJobCarriedIntoTheNextRungKeepsTheTimeItHadLeftAndIsNotPlannedAgain() {
        crews.dispatched("AMB-001", "I-1", 0);
        assertThat(crews.due(0)).extracting(CrewSchedule.Move::status).containsExactly("EN_ROUTE");

        crews.postpone(100_000);   // stopped at 0, the next rung starts at 100,000

        assertThat(crews.dispatched("AMB-001", "I-1", 100_000)).isFalse();   // still DISPATCHED on the node
        assertThat(crews.jobs()).isEqualTo(1);
        assertThat(crews.due(100_000)).isEmpty();
        assertThat(crews.due(Long.MAX_VALUE)).containsExactly(
                new CrewSchedule.Move(110_000, "AMB-001", "I-1", "ON_SCENE"),
                new CrewSchedule.Move(120_000, "AMB-001", "I-1", "AVAILABLE"));
    }

    @Test
    void aRetryIsMadeOnlyWhileTheUnitIsStillOnTheJobAndShortOfThatMove() {
        CrewSchedule.Move enRoute = new CrewSchedule.Move(0, "AMB-001", "I-1", "EN_ROUTE", 2);
        CrewSchedule.Move available = new CrewSchedule.Move(0, "AMB-001", "I-1", "AVAILABLE", 2);

        assertThat(CrewSchedule.stillToReport(enRoute, "DISPATCHED", "I-1")).isTrue();      // the try was lost
        assertThat(CrewSchedule.stillToReport(enRoute, "EN_ROUTE", "I-1")).isFalse();       // it was applied
        assertThat(CrewSchedule.stillToReport(enRoute, "ON_SCENE", "I-1")).isFalse();       // and the job went on
        assertThat(CrewSchedule.stillToReport(enRoute, "DISPATCHED", "I-2")).isFalse();     // the unit is on another job
        assertThat(CrewSchedule.stillToReport(available, "ON_SCENE", "I-1")).isTrue();
        assertThat(CrewSchedule.stillToReport(available, "AVAILABLE", null)).isFalse();     // released
        assertThat(CrewSchedule.stillToReport(available, "DISPATCHED", "I-3")).isFalse();   // released, and sent again
    }

    @Test
    void movesDueAtTheSameMomentKeepTheirOrder() {
        CrewSchedule instant = new CrewSchedule(Duration.ofMillis(1));
        instant.dispatched("AMB-001", "I-1", 0);

        assertThat(instant.due(1)).extracting(CrewSchedule.Move::status).containsExactly("EN_ROUTE", "ON_SCENE", "AVAILABLE");
    }

    @Test
    void aReportWithoutAnswerIsTriedAgainAtMostThreeTimes() {
        crews.dispatched("AMB-001", "I-1", 0);
        CrewSchedule.Move first = crews.due(0).getFirst();

        assertThat(crews.unanswered(first, 1_000)).isTrue();
        CrewSchedule.Move second = crews.due(1_000).getFirst();
        assertThat(second).isEqualTo(new CrewSchedule.Move(1_000, "AMB-001", "I-1", "EN_ROUTE", 2));
        assertThat(crews.unanswered(second, 2_000)).isTrue();
        assertThat(crews.unanswered(crews.due(2_000).getFirst(), 3_000)).isFalse();
        assertThat(crews.due(9_999)).isEmpty();
    }

    @Test
    void aJobTakesSomeTime() {
        assertThatThrownBy(() -> new CrewSchedule(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
