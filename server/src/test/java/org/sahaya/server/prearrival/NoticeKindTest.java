package org.sahaya.server.prearrival;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoticeKindTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    private static Optional<NoticeKind.Told> told(NoticeStatus status) {
        return Optional.of(new NoticeKind.Told(1, status, T));
    }

    @Test
    void aHospitalToldNothingHearsThePatientIsComingOrHasArrivedButNoCancellation() {
        assertThat(NoticeKind.next(Optional.empty(), NoticeStatus.PLANNED, T)).contains(NoticeKind.PRE_ARRIVAL);
        assertThat(NoticeKind.next(Optional.empty(), NoticeStatus.ARRIVED, T)).contains(NoticeKind.PATIENT_ARRIVED);
        assertThat(NoticeKind.next(Optional.empty(), NoticeStatus.CANCELLED, T)).isEmpty();
    }

    @Test
    void anExpectedArrivalThatMovedAMinuteOrMoreIsAnUpdateAndLessIsNothing() {
        assertThat(NoticeKind.next(told(NoticeStatus.PLANNED), NoticeStatus.PLANNED, T.plusSeconds(59))).isEmpty();
        assertThat(NoticeKind.next(told(NoticeStatus.PLANNED), NoticeStatus.PLANNED, T)).as("heard again").isEmpty();
        assertThat(NoticeKind.next(told(NoticeStatus.PLANNED), NoticeStatus.PLANNED, T.plusSeconds(60)))
                .contains(NoticeKind.PRE_ARRIVAL_UPDATED);
        assertThat(NoticeKind.next(told(NoticeStatus.PLANNED), NoticeStatus.PLANNED, T.minusSeconds(300)))
                .contains(NoticeKind.PRE_ARRIVAL_UPDATED);
    }

    @Test
    void aPlannedPatientArrivesOrIsCancelledOnceAndAnArrivedOneStaysArrived() {
        assertThat(NoticeKind.next(told(NoticeStatus.PLANNED), NoticeStatus.ARRIVED, T)).contains(NoticeKind.PATIENT_ARRIVED);
        assertThat(NoticeKind.next(told(NoticeStatus.PLANNED), NoticeStatus.CANCELLED, T))
                .contains(NoticeKind.PRE_ARRIVAL_CANCELLED);
        assertThat(NoticeKind.next(told(NoticeStatus.ARRIVED), NoticeStatus.ARRIVED, T)).isEmpty();
        assertThat(NoticeKind.next(told(NoticeStatus.ARRIVED), NoticeStatus.CANCELLED, T)).isEmpty();
        assertThat(NoticeKind.next(told(NoticeStatus.ARRIVED), NoticeStatus.PLANNED, T.plusSeconds(600))).isEmpty();
        assertThat(NoticeKind.next(told(NoticeStatus.CANCELLED), NoticeStatus.CANCELLED, T)).isEmpty();
        assertThat(NoticeKind.next(told(NoticeStatus.CANCELLED), NoticeStatus.PLANNED, T))
                .as("re-routed back").contains(NoticeKind.PRE_ARRIVAL);
    }
}
