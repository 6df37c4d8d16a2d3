package org.sahaya.dispatch.claims;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sahaya.dispatch.TestCity.MG_ROAD;
import static org.sahaya.dispatch.TestCity.NOW;

import com.hazelcast.map.IMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.UnitRepository;
import org.sahaya.dispatch.TestCity;

/**
 * Invariant 2, for ambulances: a unit is never assigned to two open incidents. The wrong way (read,
 * check, write from the caller) is shown next to the right way (one entry processor on the owner),
 * as in Hazelcast's own locking samples.
 */
class UnitClaimsTest {

    private static Database database;
    private static Grid grid;
    private static IMap<String, Unit> units;
    private static UnitClaims claims;

    @BeforeAll
    static void start() {
        database = TestCity.openDatabase();
        grid = TestCity.startGrid(database);
        units = grid.units();
        claims = new GridUnitClaims(grid, TestCity.CLOCK);
    }

    @AfterAll
    static void stop() {
        grid.close();
        database.close();
    }

    @Test
    void theWrongWayARacyGetCheckPutSendsOneAmbulanceToTwoIncidents() throws Exception {
        Unit unit = availableUnit();
        CyclicBarrier bothHaveLooked = new CyclicBarrier(2);
        Callable<Boolean> forAsha = racyClaim(unit.id(), "INC-ASHA", bothHaveLooked);
        Callable<Boolean> forGopal = racyClaim(unit.id(), "INC-GOPAL", bothHaveLooked);

        List<Boolean> believedTheyGotIt = runTogether(List.of(forAsha, forGopal));

        // Both families are told an ambulance is coming; only one of them will see it.
        assertThat(believedTheyGotIt).containsExactly(true, true);
        assertThat(units.get(unit.id()).incidentId()).isIn("INC-ASHA", "INC-GOPAL");
    }

    @Test
    void theRightWayTwoClaimsInterleavedTheSameWayHaveOneWinner() throws Exception {
        Unit unit = availableUnit();
        CyclicBarrier bothHaveLooked = new CyclicBarrier(2);
        Callable<Boolean> forAsha = claimAfter(unit.id(), "INC-ASHA", bothHaveLooked);
        Callable<Boolean> forGopal = claimAfter(unit.id(), "INC-GOPAL", bothHaveLooked);

        List<Boolean> gotIt = runTogether(List.of(forAsha, forGopal));

        assertThat(gotIt).containsExactlyInAnyOrder(true, false);
        String winner = gotIt.get(0) ? "INC-ASHA" : "INC-GOPAL";
        assertThat(units.get(unit.id()).incidentId()).isEqualTo(winner);
    }

    @Test
    void fiftyIncidentsClaimingOneUnitAtOnceHaveExactlyOneWinner() throws Exception {
        Unit unit = availableUnit();
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Optional<Unit>>> claimers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String incident = TestCity.id("INC");
            claimers.add(() -> {
                go.await(10, SECONDS);
                return claims.claim(unit.id(), incident);
            });
        }

        List<Optional<Unit>> results;
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Optional<Unit>>> futures = claimers.stream().map(virtualThreads::submit).toList();
            go.countDown();
            results = new ArrayList<>();
            for (Future<Optional<Unit>> f : futures) {
                results.add(f.get(30, SECONDS));
            }
        }

        List<Unit> winners = results.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        Unit inTheGrid = units.get(unit.id());
        assertThat(inTheGrid.status()).isEqualTo(UnitStatus.DISPATCHED);
        assertThat(inTheGrid.incidentId()).isEqualTo(winners.get(0).incidentId());
    }

    @Test
    void aClaimedUnitIsDispatchedToThatIncident() {
        Unit unit = availableUnit();

        Optional<Unit> claimed = claims.claim(unit.id(), "INC-1");

        assertThat(claimed).hasValueSatisfying(u -> {
            assertThat(u.status()).isEqualTo(UnitStatus.DISPATCHED);
            assertThat(u.incidentId()).isEqualTo("INC-1");
            assertThat(u.position()).isEqualTo(unit.position());
        });
        assertThat(units.get(unit.id())).isEqualTo(claimed.get());
    }

    @Test
    void aUnitAlreadyOnAnIncidentCannotBeClaimedByAnother() {
        Unit unit = availableUnit();
        claims.claim(unit.id(), "INC-1");

        assertThat(claims.claim(unit.id(), "INC-2")).isEmpty();
        assertThat(claims.claim(unit.id(), "INC-1")).as("not even again by its own incident").isEmpty();
        assertThat(units.get(unit.id()).incidentId()).isEqualTo("INC-1");
    }

    @Test
    void aUnitOutOfServiceCannotBeClaimed() {
        Unit unit = availableUnit();
        units.put(unit.id(), withStatus(unit, UnitStatus.OUT_OF_SERVICE));

        assertThat(claims.claim(unit.id(), "INC-1")).isEmpty();
        assertThat(units.get(unit.id()).status()).isEqualTo(UnitStatus.OUT_OF_SERVICE);
    }

    @Test
    void aUnitTheGridDoesNotKnowCannotBeClaimed() {
        assertThat(claims.claim("KA-99-AMB-NOPE", "INC-1")).isEmpty();
        assertThat(units.containsKey("KA-99-AMB-NOPE")).isFalse();
    }

    @Test
    void onlyTheIncidentHoldingAUnitCanReleaseIt() {
        Unit unit = availableUnit();
        claims.claim(unit.id(), "INC-1");

        claims.release(unit.id(), "INC-2");
        assertThat(units.get(unit.id()).status()).isEqualTo(UnitStatus.DISPATCHED);
        assertThat(units.get(unit.id()).incidentId()).isEqualTo("INC-1");

        claims.release(unit.id(), "INC-1");
        assertThat(units.get(unit.id()).status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(units.get(unit.id()).incidentId()).isNull();
        assertThat(claims.claim(unit.id(), "INC-2")).as("free for the next incident").isPresent();
    }

    @Test
    void aUnitTakenOutOfServiceStaysOutWhenItsIncidentLetsGo() {
        Unit unit = availableUnit();
        Unit claimed = claims.claim(unit.id(), "INC-1").orElseThrow();
        units.put(unit.id(), withStatus(claimed, UnitStatus.OUT_OF_SERVICE));

        claims.release(unit.id(), "INC-1");

        assertThat(units.get(unit.id()).status()).isEqualTo(UnitStatus.OUT_OF_SERVICE);
    }

    @Test
    void aClaimIsInTheDatabaseBeforeItReturns() {
        Unit unit = availableUnit();

        claims.claim(unit.id(), "INC-1");
        assertThat(stored(unit.id())).hasValueSatisfying(u -> {
            assertThat(u.status()).isEqualTo(UnitStatus.DISPATCHED);
            assertThat(u.incidentId()).isEqualTo("INC-1");
        });

        claims.release(unit.id(), "INC-1");
        assertThat(stored(unit.id())).hasValueSatisfying(u -> {
            assertThat(u.status()).isEqualTo(UnitStatus.AVAILABLE);
            assertThat(u.incidentId()).isNull();
        });
    }

    /** The wrong way: the check and the write are two network calls with a gap between them. */
    private static Callable<Boolean> racyClaim(String unitId, String incidentId, CyclicBarrier bothHaveLooked) {
        return () -> {
            Unit seen = units.get(unitId);
            boolean available = seen.isAvailable();
            bothHaveLooked.await(10, SECONDS); // the gap, made certain: both look before either writes
            if (!available) {
                return false;
            }
            units.put(unitId, seen.assignedTo(incidentId, NOW));
            return true;
        };
    }

    /** The right way, with the same interleaving: the check happens inside the claim, on the owner. */
    private static Callable<Boolean> claimAfter(String unitId, String incidentId, CyclicBarrier bothHaveLooked) {
        return () -> {
            assertThat(units.get(unitId).isAvailable()).isTrue();
            bothHaveLooked.await(10, SECONDS);
            return claims.claim(unitId, incidentId).isPresent();
        };
    }

    private static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = tasks.stream().map(virtualThreads::submit).toList();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(30, SECONDS));
            }
            return results;
        }
    }

    private static Unit availableUnit() {
        Unit unit = TestCity.unit(UnitLevel.BLS, MG_ROAD);
        units.put(unit.id(), unit);
        return unit;
    }

    private static Unit withStatus(Unit u, UnitStatus status) {
        return new Unit(u.id(), u.callSign(), u.level(), u.station(), u.position(), status, u.incidentId(), NOW);
    }

    private static Optional<Unit> stored(String unitId) {
        return database.withConnection(c -> new UnitRepository().find(c, unitId));
    }
}
