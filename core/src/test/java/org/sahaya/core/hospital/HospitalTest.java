package org.sahaya.core.hospital;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;

class HospitalTest {

    private static final Hospital MANIPAL = new Hospital("HOSP-1", "Manipal Hospital", new Coordinates(12.9592, 77.6489),
            true, Map.of(BedKind.ER, 2, BedKind.ICU, 0), Map.of());

    @Test
    void reservingABedTakesOneFromTheFreeCountForThatIncident() {
        Hospital after = MANIPAL.reserve("INC-1", BedKind.ER);

        assertThat(after.free(BedKind.ER)).isEqualTo(1);
        assertThat(after.reservations()).containsExactly(Map.entry("INC-1", BedKind.ER));
    }

    @Test
    void reservingLeavesTheOriginalBoardUntouched() {
        MANIPAL.reserve("INC-1", BedKind.ER);

        assertThat(MANIPAL.free(BedKind.ER)).isEqualTo(2);
        assertThat(MANIPAL.reservations()).isEmpty();
    }

    @Test
    void withNoFreeBedOfTheKindNothingIsReservedAndTheCountStaysAtZero() {
        Hospital after = MANIPAL.reserve("INC-1", BedKind.ICU);

        assertThat(after).isSameAs(MANIPAL);
        assertThat(after.free(BedKind.ICU)).isZero();
        assertThat(after.reservations()).isEmpty();
    }

    @Test
    void aKindTheHospitalNeverReportedHasNoFreeBeds() {
        assertThat(MANIPAL.free(BedKind.STROKE)).isZero();
        assertThat(MANIPAL.reserve("INC-1", BedKind.STROKE)).isSameAs(MANIPAL);
    }

    @Test
    void freeBedsNeverGoBelowZeroHoweverManyIncidentsAsk() {
        Hospital board = MANIPAL;
        for (int i = 0; i < 5; i++) {
            board = board.reserve("INC-" + i, BedKind.ER);
        }

        assertThat(board.free(BedKind.ER)).isZero();
        assertThat(board.reservations()).containsOnlyKeys("INC-0", "INC-1");
    }

    @Test
    void oneIncidentHoldsAtMostOneBedEvenIfItAsksAgain() {
        Hospital once = MANIPAL.reserve("INC-1", BedKind.ER);

        assertThat(once.reserve("INC-1", BedKind.ER)).isSameAs(once);
        assertThat(once.reserve("INC-1", BedKind.ICU)).isSameAs(once);
        assertThat(once.free(BedKind.ER)).isEqualTo(1);
    }

    @Test
    void releasingReturnsTheBedToTheFreeCount() {
        Hospital released = MANIPAL.reserve("INC-1", BedKind.ER).release("INC-1");

        assertThat(released.free(BedKind.ER)).isEqualTo(2);
        assertThat(released.reservations()).isEmpty();
    }

    @Test
    void releasingTwiceReturnsTheBedOnce() {
        Hospital released = MANIPAL.reserve("INC-1", BedKind.ER).release("INC-1").release("INC-1");

        assertThat(released.free(BedKind.ER)).isEqualTo(2);
    }

    @Test
    void releasingForAnIncidentWithoutABedChangesNothing() {
        Hospital held = MANIPAL.reserve("INC-1", BedKind.ER);

        assertThat(held.release("INC-2")).isSameAs(held);
    }

    @Test
    void theBoardIsACopyOfWhatTheHospitalReported() {
        Map<BedKind, Integer> reported = new EnumMap<>(BedKind.class);
        reported.put(BedKind.ER, 3);
        Hospital hospital = new Hospital("HOSP-2", "St. John's", new Coordinates(12.93, 77.62), false, reported, Map.of());

        reported.put(BedKind.ER, 0);

        assertThat(hospital.free(BedKind.ER)).isEqualTo(3);
    }

    @Test
    void aHospitalWithoutAnyBedRowsHasNoFreeBeds() {
        Hospital empty = new Hospital("HOSP-3", "Clinic", new Coordinates(12.93, 77.62), false, Map.of(), Map.of());

        for (BedKind kind : BedKind.values()) {
            assertThat(empty.free(kind)).isZero();
        }
    }

    @Test
    void aBedReportReplacesTheNamedKindsAndKeepsReservations() {
        Hospital held = MANIPAL.reserve("INC-1", BedKind.ER);

        Hospital reported = held.withReport(Map.of(BedKind.ICU, 4));

        assertThat(reported.free(BedKind.ICU)).isEqualTo(4);
        assertThat(reported.free(BedKind.ER)).isEqualTo(held.free(BedKind.ER));
        assertThat(reported.reservations()).containsEntry("INC-1", BedKind.ER);
    }

    @Test
    void aReportOfTheSameCountDoesNotFreeTheHeldBed() {
        Hospital held = MANIPAL.reserve("INC-1", BedKind.ER);

        Hospital reported = held.withReport(Map.of(BedKind.ER, 2));

        assertThat(reported.reported(BedKind.ER)).isEqualTo(2);
        assertThat(reported.held(BedKind.ER)).isEqualTo(1);
        assertThat(reported.free(BedKind.ER)).isEqualTo(1);
        assertThat(reported.shortfall(BedKind.ER)).isZero();
    }

    @Test
    void aReportBelowTheHoldsShowsTheShortfallAndNothingIsFree() {
        Hospital held = MANIPAL.withReport(Map.of(BedKind.ER, 3))
                .reserve("INC-1", BedKind.ER).reserve("INC-2", BedKind.ER).reserve("INC-3", BedKind.ER);

        Hospital reported = held.withReport(Map.of(BedKind.ER, 1));

        assertThat(reported.free(BedKind.ER)).isZero();
        assertThat(reported.shortfall(BedKind.ER)).isEqualTo(2);
        assertThat(reported.reservations()).hasSize(3);
        assertThat(reported.reserve("INC-4", BedKind.ER)).isSameAs(reported);
    }

    @Test
    void releasingAHoldUnderAShortfallShrinksTheShortfallBeforeFreeingAnything() {
        Hospital shortOfTwo = MANIPAL.withReport(Map.of(BedKind.ER, 3))
                .reserve("INC-1", BedKind.ER).reserve("INC-2", BedKind.ER).reserve("INC-3", BedKind.ER)
                .withReport(Map.of(BedKind.ER, 1));

        Hospital released = shortOfTwo.release("INC-1");

        assertThat(released.shortfall(BedKind.ER)).isEqualTo(1);
        assertThat(released.free(BedKind.ER)).isZero();
        assertThat(released.release("INC-2").release("INC-3").free(BedKind.ER)).isEqualTo(1);
    }

    @Test
    void aHandedOverPatientKeepsTheBedOccupied() {
        Hospital held = MANIPAL.reserve("INC-1", BedKind.ER);

        Hospital handedOver = held.handOver("INC-1");

        assertThat(handedOver.reservations()).isEmpty();
        assertThat(handedOver.free(BedKind.ER)).isEqualTo(held.free(BedKind.ER));
        assertThat(handedOver.reported(BedKind.ER)).as("the patient lies in a bed the last report counted").isEqualTo(1);
        assertThat(handedOver.handOver("INC-1")).isSameAs(handedOver);
    }

    @Test
    void aReportAfterAHandOverCountsTheOccupiedBedOnce() {
        Hospital handedOver = MANIPAL.reserve("INC-1", BedKind.ER).handOver("INC-1");

        Hospital reported = handedOver.withReport(Map.of(BedKind.ER, 1));

        assertThat(reported.free(BedKind.ER)).isEqualTo(1);
        assertThat(reported.held(BedKind.ER)).isZero();
        assertThat(reported.shortfall(BedKind.ER)).isZero();
    }

    @Test
    void aHandOverUnderAShortfallNeverCountsBelowZero() {
        Hospital held = MANIPAL.reserve("INC-1", BedKind.ER).withReport(Map.of(BedKind.ER, 0));

        Hospital handedOver = held.handOver("INC-1");

        assertThat(handedOver.reported(BedKind.ER)).isZero();
        assertThat(handedOver.free(BedKind.ER)).isZero();
        assertThat(handedOver.shortfall(BedKind.ER)).isZero();
    }

    @Test
    void theBoardShowsEveryKindReportedOrHeld() {
        Hospital held = MANIPAL.reserve("INC-1", BedKind.ER).withReport(Map.of(BedKind.STROKE, 2));

        assertThat(held.kinds()).containsExactlyInAnyOrder(BedKind.ER, BedKind.ICU, BedKind.STROKE);
        assertThat(held.freeBeds()).containsEntry(BedKind.ER, 1).containsEntry(BedKind.ICU, 0).containsEntry(BedKind.STROKE, 2);
    }
}
