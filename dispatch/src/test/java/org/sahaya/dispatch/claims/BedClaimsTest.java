package org.sahaya.dispatch.claims;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sahaya.dispatch.TestCity.JAYANAGAR;

import com.hazelcast.map.IMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.HospitalRepository;
import org.sahaya.dispatch.TestCity;

/** Invariant 2, for beds: a bed is never reserved twice and a free count never goes below zero. */
class BedClaimsTest {

    private static Database database;
    private static Grid grid;
    private static IMap<String, Hospital> hospitals;
    private static BedClaims beds;

    @BeforeAll
    static void start() {
        database = TestCity.openDatabase();
        grid = TestCity.startGrid(database);
        hospitals = grid.hospitals();
        beds = new GridBedClaims(grid);
    }

    @AfterAll
    static void stop() {
        grid.close();
        database.close();
    }

    @Test
    void twentyIncidentsRacingForThreeFreeBedsGetExactlyThree() throws Exception {
        Hospital hospital = hospitalWith(3);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                String incident = TestCity.id("INC");
                attempts.add(virtualThreads.submit(() -> {
                    go.await(10, SECONDS);
                    return beds.reserve(hospital.id(), incident, BedKind.ER);
                }));
            }
            go.countDown();
        }

        long reserved = 0;
        for (Future<Boolean> attempt : attempts) {
            reserved += attempt.get(30, SECONDS) ? 1 : 0;
        }
        assertThat(reserved).isEqualTo(3);
        Hospital board = hospitals.get(hospital.id());
        assertThat(board.free(BedKind.ER)).isZero();
        assertThat(board.reservations()).hasSize(3);
        Hospital stored = stored(hospital.id()).orElseThrow();
        assertThat(stored.free(BedKind.ER)).isZero();
        assertThat(stored.reservations()).isEqualTo(board.reservations());
    }

    @Test
    void reportsOfTheSameCountRacingReservationsNeverFreeAHeldBed() throws Exception {
        Hospital hospital = hospitalWith(3);
        GridBedClaims claims = new GridBedClaims(grid);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                String incident = TestCity.id("INC");
                attempts.add(virtualThreads.submit(() -> {
                    go.await(10, SECONDS);
                    return beds.reserve(hospital.id(), incident, BedKind.ER);
                }));
                // The hospital keeps saying it has three free: under the old overwrite each report freed the
                // beds already held, and more than three patients were sent to three beds.
                virtualThreads.submit(() -> {
                    go.await(10, SECONDS);
                    return claims.report(hospital.id(), Map.of(BedKind.ER, 3));
                });
            }
            go.countDown();
        }

        long reserved = 0;
        for (Future<Boolean> attempt : attempts) {
            reserved += attempt.get(30, SECONDS) ? 1 : 0;
        }
        assertThat(reserved).isEqualTo(3);
        Hospital board = hospitals.get(hospital.id());
        assertThat(board.reported(BedKind.ER)).isEqualTo(3);
        assertThat(board.held(BedKind.ER)).isEqualTo(3);
        assertThat(board.free(BedKind.ER)).isZero();
        assertThat(stored(hospital.id()).orElseThrow()).isEqualTo(board);
    }

    @Test
    void aFullHospitalRefusesAndItsCountStaysAtZero() {
        String incident = TestCity.id("INC");
        Hospital hospital = hospitalWith(0);

        assertThat(beds.reserve(hospital.id(), incident, BedKind.ER)).isFalse();
        assertThat(hospitals.get(hospital.id()).free(BedKind.ER)).isZero();
        assertThat(hospitals.get(hospital.id()).reservations()).isEmpty();
    }

    @Test
    void aFreeBedOfAnotherKindDoesNotCount() {
        String incident = TestCity.id("INC");
        Hospital hospital = hospitalWith(0);

        assertThat(beds.reserve(hospital.id(), incident, BedKind.STROKE)).isFalse();
        assertThat(beds.reserve(hospital.id(), incident, BedKind.ICU)).isTrue();
        assertThat(hospitals.get(hospital.id()).free(BedKind.ICU)).isZero();
    }

    @Test
    void reservingAgainForTheSameIncidentHoldsStillJustOneBed() {
        String incident = TestCity.id("INC");
        Hospital hospital = hospitalWith(2);

        assertThat(beds.reserve(hospital.id(), incident, BedKind.ER)).isTrue();
        assertThat(beds.reserve(hospital.id(), incident, BedKind.ER)).as("a retry is answered yes").isTrue();

        assertThat(hospitals.get(hospital.id()).free(BedKind.ER)).isEqualTo(1);
        assertThat(hospitals.get(hospital.id()).reservations()).containsOnlyKeys(incident);
    }

    @Test
    void releasingReturnsTheBedForTheNextIncident() {
        String incident = TestCity.id("INC");
        String another = TestCity.id("INC");
        Hospital hospital = hospitalWith(1);
        beds.reserve(hospital.id(), incident, BedKind.ER);
        assertThat(beds.reserve(hospital.id(), another, BedKind.ER)).isFalse();

        beds.release(hospital.id(), incident);

        assertThat(hospitals.get(hospital.id()).free(BedKind.ER)).isEqualTo(1);
        assertThat(stored(hospital.id()).orElseThrow().free(BedKind.ER)).isEqualTo(1);
        assertThat(beds.reserve(hospital.id(), another, BedKind.ER)).isTrue();
    }

    @Test
    void releasingABedTheIncidentDoesNotHoldChangesNothing() {
        String incident = TestCity.id("INC");
        String another = TestCity.id("INC");
        Hospital hospital = hospitalWith(2);
        beds.reserve(hospital.id(), incident, BedKind.ER);

        beds.release(hospital.id(), another);
        beds.release(hospital.id(), incident);
        beds.release(hospital.id(), incident);

        assertThat(hospitals.get(hospital.id()).free(BedKind.ER)).isEqualTo(2);
    }

    @Test
    void aHospitalTheGridDoesNotKnowHasNoBed() {
        String incident = TestCity.id("INC");
        assertThat(beds.reserve("HOSP-NOPE", incident, BedKind.ER)).isFalse();
        assertThat(hospitals.containsKey("HOSP-NOPE")).isFalse();
    }

    private static Hospital hospitalWith(int freeErBeds) {
        Hospital h = TestCity.hospital("Sanjay Gandhi Hospital", JAYANAGAR, false,
                Map.of(BedKind.ER, freeErBeds, BedKind.ICU, 1));
        hospitals.put(h.id(), h);
        return h;
    }

    private static Optional<Hospital> stored(String id) {
        return database.withConnection(c -> new HospitalRepository().find(c, id));
    }
}
