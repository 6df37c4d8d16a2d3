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

        Hospital reported = held.withFreeBeds(Map.of(BedKind.ICU, 4));

        assertThat(reported.free(BedKind.ICU)).isEqualTo(4);
        assertThat(reported.free(BedKind.ER)).isEqualTo(held.free(BedKind.ER));
        assertThat(reported.reservations()).containsEntry("INC-1", BedKind.ER);
    }

    @Test
    void aHandedOverPatientKeepsTheBedOccupied() {
        Hospital held = MANIPAL.reserve("INC-1", BedKind.ER);

        Hospital handedOver = held.handOver("INC-1");

        assertThat(handedOver.reservations()).isEmpty();
        assertThat(handedOver.free(BedKind.ER)).isEqualTo(held.free(BedKind.ER));
        assertThat(handedOver.handOver("INC-1")).isSameAs(handedOver);
    }
}
