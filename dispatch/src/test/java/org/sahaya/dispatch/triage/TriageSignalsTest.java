package org.sahaya.dispatch.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.config.Settings;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;

/** What the device measured changes the help sent: capability and bed from triage signals. */
class TriageSignalsTest {

    private final Triage triage = new Triage(SahayaConfig.from(Settings.of(Map.of()), false)::verificationWindow);

    @Test
    void cardiacSignsSendAnAdvancedUnitToACardiacBed() {
        TriageDecision d = triage.decide(AlertType.FALL, Signals.from("{\"condition\":\"cardiac\",\"heartRate\":38}"));

        assertThat(d.priority()).isEqualTo(Priority.P1);
        assertThat(d.needs()).isEqualTo(UnitLevel.ALS);
        assertThat(d.bedKind()).isEqualTo(BedKind.CARDIAC);
        assertThat(d.reason()).contains("cardiac");
    }

    @Test
    void strokeSignsSendAnAdvancedUnitToAStrokeBed() {
        TriageDecision d = triage.decide(AlertType.MEDICAL, Signals.from("{\"condition\":\"STROKE\"}"));

        assertThat(d.needs()).isEqualTo(UnitLevel.ALS);
        assertThat(d.bedKind()).isEqualTo(BedKind.STROKE);
    }

    @Test
    void anUnresponsivePersonAfterAFallGetsAnAdvancedUnit() {
        TriageDecision d = triage.decide(AlertType.FALL, Signals.from("{\"responsive\":false}"));

        assertThat(d.priority()).isEqualTo(Priority.P1);
        assertThat(d.needs()).isEqualTo(UnitLevel.ALS);
        assertThat(d.bedKind()).isEqualTo(BedKind.ER);
    }

    @Test
    void anSosWithoutMovementIsAdvancedAndWithMovementBasic() {
        assertThat(triage.decide(AlertType.SOS, Signals.from("{\"movement\":false}")).needs()).isEqualTo(UnitLevel.ALS);
        assertThat(triage.decide(AlertType.SOS, Signals.from("{\"movement\":true}")).needs()).isEqualTo(UnitLevel.BLS);
        // Not knowing whether the person moves is treated as the worse case.
        assertThat(triage.decide(AlertType.SOS, Signals.NONE).needs()).isEqualTo(UnitLevel.ALS);
    }

    @Test
    void aFallWithoutSignalsStaysBasic() {
        assertThat(triage.decide(AlertType.FALL, Signals.from("{\"heartRate\":80,\"responsive\":true}")).needs())
                .isEqualTo(UnitLevel.BLS);
    }

    @Test
    void signalsNeverTurnARecordOnlyAlertIntoADispatch() {
        TriageDecision d = triage.decide(AlertType.TEST, Signals.from("{\"condition\":\"CARDIAC\"}"));

        assertThat(d.action()).isEqualTo(TriageAction.RECORD_ONLY);
        assertThat(d.needs()).isNull();
    }

    @Test
    void vitalsThatAreNotJsonOrNotAnObjectAreIgnored() {
        assertThat(Signals.from("not json")).isEqualTo(Signals.NONE);
        assertThat(Signals.from("[1,2]")).isEqualTo(Signals.NONE);
        assertThat(Signals.from("{\"condition\":\"FLU\"}").condition()).isNull();
    }
}
