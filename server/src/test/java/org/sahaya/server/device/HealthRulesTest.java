package org.sahaya.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahaya.core.config.DeviceSettings;
import org.sahaya.core.config.Settings;

class HealthRulesTest {

    private static final Instant HEARD = Instant.parse("2026-11-24T10:00:00Z");
    private final HealthRules rules = new HealthRules(DeviceSettings.from(Settings.of(Map.of(
            "SAHAYA_DEVICE_HEARTBEAT_SECONDS", "600", "SAHAYA_DEVICE_HEARTBEAT_GRACE_SECONDS", "120",
            "SAHAYA_DEVICE_LOW_BATTERY_PERCENT", "15"))));

    @Test
    void aDeviceWithinItsIntervalAndGraceIsFine() {
        assertThat(rules.judge(heard(null, null, null), HEARD.plusSeconds(720))).isEmpty();
    }

    @Test
    void aDeviceSilentPastItsIntervalAndGraceIsOffline() {
        assertThat(rules.judge(heard(null, null, null), HEARD.plusSeconds(721)))
                .containsExactly(new HealthVerdict.Offline("d1", "sahaya-offline-" + HEARD.toEpochMilli(),
                        HEARD.plusSeconds(720)));
    }

    @Test
    void aDevicesOwnIntervalWinsOverTheDefault() {
        DeviceState hub = new DeviceState("d1", HEARD, "dc09", Duration.ofHours(24), null, null, null, null);
        assertThat(rules.judge(hub, HEARD.plus(Duration.ofHours(2)))).isEmpty();
        assertThat(rules.judge(hub, HEARD.plus(Duration.ofHours(25)))).hasSize(1);
    }

    @Test
    void aSilenceIsRaisedOnlyOnce() {
        DeviceState raised = new DeviceState("d1", HEARD, "http", null, null, HEARD.plusSeconds(750), "INC-1", null);
        assertThat(rules.judge(raised, HEARD.plus(Duration.ofDays(3)))).isEmpty();
    }

    @Test
    void theSameSilenceJudgedAgainAfterARestartGetsTheSameAlertId() {
        var first = rules.judge(heard(null, null, null), HEARD.plusSeconds(800));
        var again = rules.judge(heard(null, null, null), HEARD.plusSeconds(9000));
        assertThat(first).isEqualTo(again);
    }

    @Test
    void aDeviceHeardAfterItsSilenceWasRaisedIsBackOnline() {
        DeviceState back = new DeviceState("d1", HEARD.plusSeconds(900), "mqtt", null, null, HEARD.plusSeconds(750),
                "INC-1", null);
        assertThat(rules.judge(back, HEARD.plusSeconds(901)))
                .containsExactly(new HealthVerdict.BackOnline("d1", "INC-1", HEARD.plusSeconds(900), "mqtt"));
    }

    @Test
    void aLowBatteryIsNewsOnceUntilItIsCharged() {
        assertThat(rules.judge(heard(15, null, null), HEARD.plusSeconds(1)))
                .containsExactly(new HealthVerdict.BatteryLow("d1", "sahaya-battery-low-" + HEARD.toEpochMilli(), HEARD));
        assertThat(rules.judge(heard(12, HEARD, null), HEARD.plusSeconds(60))).isEmpty();
        assertThat(rules.judge(heard(18, HEARD, null), HEARD.plusSeconds(60))).isEmpty(); // hovering near the mark
        assertThat(rules.judge(heard(80, HEARD, null), HEARD.plusSeconds(60)))
                .containsExactly(new HealthVerdict.BatteryCharged("d1"));
    }

    @Test
    void aBatteryStillLowADayLaterIsToldAgain() {
        Instant nearlyADay = HEARD.plus(Duration.ofHours(24)).minusSeconds(1);
        Instant overADay = HEARD.plus(Duration.ofHours(24)).plusSeconds(1);
        assertThat(rules.judge(lowSince(HEARD, nearlyADay), nearlyADay)).isEmpty();
        assertThat(rules.judge(lowSince(HEARD, overADay), overADay))
                .singleElement().isInstanceOf(HealthVerdict.BatteryLow.class);
    }

    private static DeviceState lowSince(Instant told, Instant heardAt) {
        return new DeviceState("d1", heardAt, "http", null, 10, null, null, told);
    }

    private static DeviceState heard(Integer battery, Instant lowBatterySince, Instant offlineSince) {
        return new DeviceState("d1", HEARD, "http", null, battery, offlineSince, null, lowBatterySince);
    }
}
