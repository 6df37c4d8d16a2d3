package org.sahaya.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sahaya.core.fleet.UnitStatus.AT_HOSPITAL;
import static org.sahaya.core.fleet.UnitStatus.AVAILABLE;
import static org.sahaya.core.fleet.UnitStatus.DISPATCHED;
import static org.sahaya.core.fleet.UnitStatus.EN_ROUTE;
import static org.sahaya.core.fleet.UnitStatus.ON_SCENE;
import static org.sahaya.core.fleet.UnitStatus.OUT_OF_SERVICE;
import static org.sahaya.core.fleet.UnitStatus.RETURNING;
import static org.sahaya.core.fleet.UnitStatus.TRANSPORTING;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sahaya.core.Coordinates;

class UnitStatusTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void anAvailableUnitCanOnlyBeClaimedOrTakenOutOfService() {
        assertThat(reachableFrom(AVAILABLE)).containsExactlyInAnyOrder(DISPATCHED, OUT_OF_SERVICE);
    }

    @Test
    void aDispatchedCrewAcknowledgesDeclinesOrBreaksDown() {
        assertThat(reachableFrom(DISPATCHED)).containsExactlyInAnyOrder(EN_ROUTE, ON_SCENE, AVAILABLE, OUT_OF_SERVICE);
    }

    @Test
    void theDutyCycleRunsFromSceneToHospitalAndBack() {
        assertThat(EN_ROUTE.canMoveTo(ON_SCENE)).isTrue();
        assertThat(ON_SCENE.canMoveTo(TRANSPORTING)).isTrue();
        assertThat(TRANSPORTING.canMoveTo(AT_HOSPITAL)).isTrue();
        assertThat(AT_HOSPITAL.canMoveTo(RETURNING)).isTrue();
        assertThat(RETURNING.canMoveTo(AVAILABLE)).isTrue();
    }

    @Test
    void aUnitCarryingAPatientCannotBecomeAvailableBeforeTheHospital() {
        assertThat(TRANSPORTING.canMoveTo(AVAILABLE)).isFalse();
        assertThat(TRANSPORTING.canMoveTo(RETURNING)).isFalse();
    }

    @Test
    void anOutOfServiceUnitComesBackOnlyAsAvailable() {
        assertThat(reachableFrom(OUT_OF_SERVICE)).containsExactly(AVAILABLE);
    }

    @ParameterizedTest
    @EnumSource
    void onlyAClaimDispatchesAUnitAndOnlyFromAvailable(UnitStatus status) {
        assertThat(status.canMoveTo(DISPATCHED)).isEqualTo(status == AVAILABLE);
        assertThat(UnitStatus.REPORTABLE).doesNotContain(DISPATCHED);
    }

    @ParameterizedTest
    @EnumSource
    void noUnitMovesToTheStatusItIsAlreadyIn(UnitStatus status) {
        assertThat(status.canMoveTo(status)).isFalse();
    }

    @ParameterizedTest
    @EnumSource
    void everyStatusCanBeTakenOutOfServiceExceptOutOfServiceItself(UnitStatus status) {
        assertThat(status.canMoveTo(OUT_OF_SERVICE)).isEqualTo(status != OUT_OF_SERVICE);
    }

    @Test
    void anIllegalMoveNamesBothStatuses() {
        assertThatThrownBy(() -> AVAILABLE.moveTo(ON_SCENE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AVAILABLE").hasMessageContaining("ON_SCENE");
    }

    @Test
    void leavingTheIncidentsWorkEndsTheAssignment() {
        Unit unit = new Unit("AMB-1", "KA-01", UnitLevel.BLS, "Jayanagar", new Coordinates(12.93, 77.58),
                AVAILABLE, null, T).assignedTo("INC-1", T);

        Unit enRoute = unit.withStatus(EN_ROUTE, T);
        Unit returning = enRoute.withStatus(ON_SCENE, T).withStatus(RETURNING, T);

        assertThat(enRoute.incidentId()).isEqualTo("INC-1");
        assertThat(returning.incidentId()).isNull();
        assertThat(unit.withStatus(OUT_OF_SERVICE, T).incidentId()).isNull();
        assertThat(unit.withStatus(AVAILABLE, T).isAvailable()).isTrue();
    }

    @Test
    void aPositionReportKeepsStatusAndAssignment() {
        Unit unit = new Unit("AMB-1", "KA-01", UnitLevel.BLS, "Jayanagar", new Coordinates(12.93, 77.58),
                AVAILABLE, null, T).assignedTo("INC-1", T);

        Unit moved = unit.movedTo(new Coordinates(12.95, 77.60), T.plusSeconds(5));

        assertThat(moved.position()).isEqualTo(new Coordinates(12.95, 77.60));
        assertThat(moved.status()).isEqualTo(DISPATCHED);
        assertThat(moved.incidentId()).isEqualTo("INC-1");
    }

    private static EnumSet<UnitStatus> reachableFrom(UnitStatus from) {
        EnumSet<UnitStatus> out = EnumSet.noneOf(UnitStatus.class);
        for (UnitStatus s : UnitStatus.values()) {
            if (from.canMoveTo(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
