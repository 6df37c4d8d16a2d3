package org.sahaya.dispatch.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.config.Settings;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;

class TriageTest {

    /** Triage as a node without configuration runs it. */
    private final Triage byDefault = new Triage(SahayaConfig.from(Settings.of(Map.of()), false)::verificationWindow);

    @Test
    void aFallSendsABasicAmbulanceNowWithAnEmergencyRoomBed() {
        TriageDecision fall = byDefault.decide(AlertType.FALL);

        assertThat(fall.priority()).isEqualTo(Priority.P2);
        assertThat(fall.action()).isEqualTo(TriageAction.DISPATCH_NOW);
        assertThat(fall.needs()).isEqualTo(UnitLevel.BLS);
        assertThat(fall.bedKind()).isEqualTo(BedKind.ER);
        assertThat(fall.verificationWindow()).isZero();
        assertThat(fall.reason()).startsWith("P2, dispatch now").contains("fall");
    }

    @ParameterizedTest
    @EnumSource(names = {"SOS", "MEDICAL"})
    void anSosOrMedicalAlertSendsAnAdvancedAmbulanceNowAtTopPriority(AlertType type) {
        TriageDecision decision = byDefault.decide(type);

        assertThat(decision.priority()).isEqualTo(Priority.P1);
        assertThat(decision.action()).isEqualTo(TriageAction.DISPATCH_NOW);
        assertThat(decision.needs()).isEqualTo(UnitLevel.ALS);
        assertThat(decision.bedKind()).isEqualTo(BedKind.ER);
        assertThat(decision.verificationWindow()).isZero();
        assertThat(decision.reason()).startsWith("P1, dispatch now");
    }

    @Test
    void aConfiguredVerificationWindowWaitsThatLongForAnImOkBeforeDispatch() {
        Triage waitingForFalls = new Triage(type -> type == AlertType.FALL ? Duration.ofSeconds(30) : Duration.ZERO);

        TriageDecision fall = waitingForFalls.decide(AlertType.FALL);

        assertThat(fall.action()).isEqualTo(TriageAction.VERIFY_FIRST);
        assertThat(fall.verificationWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThat(fall.priority()).isEqualTo(Priority.P2);
        assertThat(fall.needs()).isEqualTo(UnitLevel.BLS);
        assertThat(fall.bedKind()).isEqualTo(BedKind.ER);
        assertThat(fall.reason()).contains("verify first").contains("30 s");
        assertThat(waitingForFalls.decide(AlertType.SOS).action()).isEqualTo(TriageAction.DISPATCH_NOW);
    }

    @Test
    void inactivityIsVerifiedForAMinuteByDefault() {
        TriageDecision inactivity = byDefault.decide(AlertType.INACTIVITY);

        assertThat(inactivity.action()).isEqualTo(TriageAction.VERIFY_FIRST);
        assertThat(inactivity.verificationWindow()).isEqualTo(Duration.ofMinutes(1));
        assertThat(inactivity.priority()).isEqualTo(Priority.P3);
    }

    @ParameterizedTest
    @EnumSource(names = {"TEST", "LOW_BATTERY", "WATER", "CANCEL"})
    void housekeepingAlertsAreRecordedOnlyAtTheLowestPriority(AlertType type) {
        TriageDecision decision = byDefault.decide(type);

        assertThat(decision.priority()).isEqualTo(Priority.P4);
        assertThat(decision.action()).isEqualTo(TriageAction.RECORD_ONLY);
        assertThat(decision.needs()).isNull();
        assertThat(decision.bedKind()).isNull();
        assertThat(decision.verificationWindow()).isZero();
        assertThat(decision.reason()).startsWith("P4, record only");
    }

    @ParameterizedTest
    @EnumSource(names = {"TEST", "LOW_BATTERY", "WATER", "CANCEL"})
    void aVerificationWindowNeverTurnsARecordOnlyAlertIntoADispatch(AlertType type) {
        Triage cautious = new Triage(t -> Duration.ofMinutes(2));

        assertThat(cautious.decide(type).action()).isEqualTo(TriageAction.RECORD_ONLY);
    }

    @ParameterizedTest
    @EnumSource
    void everyAlertTypeGetsADecisionWithAReason(AlertType type) {
        TriageDecision decision = byDefault.decide(type);

        assertThat(decision.priority()).isNotNull();
        assertThat(decision.action()).isNotNull();
        assertThat(decision.reason()).isNotBlank();
        if (decision.action() != TriageAction.RECORD_ONLY) {
            assertThat(decision.needs()).as("a dispatch knows what to send").isNotNull();
            assertThat(decision.bedKind()).as("a dispatch knows what bed to find").isNotNull();
        }
    }
}
