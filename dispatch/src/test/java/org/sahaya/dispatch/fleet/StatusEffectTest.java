package org.sahaya.dispatch.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahaya.core.fleet.UnitStatus.AT_HOSPITAL;
import static org.sahaya.core.fleet.UnitStatus.AVAILABLE;
import static org.sahaya.core.fleet.UnitStatus.DISPATCHED;
import static org.sahaya.core.fleet.UnitStatus.EN_ROUTE;
import static org.sahaya.core.fleet.UnitStatus.ON_SCENE;
import static org.sahaya.core.fleet.UnitStatus.OUT_OF_SERVICE;
import static org.sahaya.core.fleet.UnitStatus.RETURNING;
import static org.sahaya.core.fleet.UnitStatus.TRANSPORTING;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sahaya.core.fleet.UnitStatus;

class StatusEffectTest {

    @Test
    void aCrewThatDeclinesOrBreaksDownBeforeThePatientIsAtHospitalIsReplaced() {
        assertThat(StatusEffect.of(DISPATCHED, AVAILABLE, true)).isEqualTo(StatusEffect.REDISPATCH);
        assertThat(StatusEffect.of(DISPATCHED, OUT_OF_SERVICE, true)).isEqualTo(StatusEffect.REDISPATCH);
        assertThat(StatusEffect.of(EN_ROUTE, AVAILABLE, true)).isEqualTo(StatusEffect.REDISPATCH);
        assertThat(StatusEffect.of(ON_SCENE, OUT_OF_SERVICE, true)).isEqualTo(StatusEffect.REDISPATCH);
        assertThat(StatusEffect.of(TRANSPORTING, OUT_OF_SERVICE, true)).isEqualTo(StatusEffect.REDISPATCH);
    }

    @Test
    void leavingTheHospitalClosesTheIncidentWithTheBedOccupied() {
        assertThat(StatusEffect.of(AT_HOSPITAL, RETURNING, true)).isEqualTo(StatusEffect.CLOSE_HANDED_OVER);
        assertThat(StatusEffect.of(AT_HOSPITAL, AVAILABLE, true)).isEqualTo(StatusEffect.CLOSE_HANDED_OVER);
        assertThat(StatusEffect.of(AT_HOSPITAL, OUT_OF_SERVICE, true)).isEqualTo(StatusEffect.CLOSE_HANDED_OVER);
    }

    @Test
    void leavingTheSceneWithoutTransportClosesTheIncidentAndFreesTheBed() {
        assertThat(StatusEffect.of(ON_SCENE, RETURNING, true)).isEqualTo(StatusEffect.CLOSE_TREATED_ON_SCENE);
        assertThat(StatusEffect.of(ON_SCENE, AVAILABLE, true)).isEqualTo(StatusEffect.CLOSE_TREATED_ON_SCENE);
    }

    @Test
    void progressThroughTheDutyCycleChangesNothingForTheIncident() {
        assertThat(StatusEffect.of(DISPATCHED, EN_ROUTE, true)).isEqualTo(StatusEffect.NONE);
        assertThat(StatusEffect.of(EN_ROUTE, ON_SCENE, true)).isEqualTo(StatusEffect.NONE);
        assertThat(StatusEffect.of(ON_SCENE, TRANSPORTING, true)).isEqualTo(StatusEffect.NONE);
        assertThat(StatusEffect.of(TRANSPORTING, AT_HOSPITAL, true)).isEqualTo(StatusEffect.NONE);
    }

    @ParameterizedTest
    @EnumSource
    void aUnitWithoutAnIncidentAffectsNoIncident(UnitStatus to) {
        for (UnitStatus from : UnitStatus.values()) {
            assertThat(StatusEffect.of(from, to, false)).isEqualTo(StatusEffect.NONE);
        }
    }
}
