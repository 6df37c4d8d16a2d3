package org.sahaya.loadtest.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sahaya.core.alert.AlertType;

class TrafficMixTest {

    private final TrafficMix mix = new TrafficMix(TrafficMix.DEMO_DEVICES, 1);

    @Test
    void spreadsOverEveryDemoDeviceAndSignsWithItsDemoSecret() {
        Set<String> devices = new HashSet<>();
        for (long i = 0; i < 20_000; i++) {
            TrafficMix.Planned alert = mix.alert(i);
            devices.add(alert.deviceId());
            assertThat(alert.secret()).isEqualTo("demo-secret-" + alert.deviceId().substring("demo-".length()));
        }

        assertThat(devices).hasSize(550).contains("demo-0001", "demo-0550").doesNotContain("demo-0000", "demo-0551");
    }

    @Test
    void isMostlyRecordOnlyWithSomeEmergencies() {
        Map<AlertType, Integer> counts = new EnumMap<>(AlertType.class);
        for (long i = 0; i < 20_000; i++) {
            counts.merge(mix.alert(i).type(), 1, Integer::sum);
        }

        assertThat(counts.keySet()).containsExactlyInAnyOrder(AlertType.TEST, AlertType.LOW_BATTERY, AlertType.FALL,
                AlertType.SOS);
        assertThat(counts.get(AlertType.TEST) / 20_000.0).isBetween(0.58, 0.62);
        assertThat(counts.get(AlertType.LOW_BATTERY) / 20_000.0).isBetween(0.28, 0.32);
        assertThat(counts.get(AlertType.FALL) / 20_000.0).isBetween(0.04, 0.06);
        assertThat(counts.get(AlertType.SOS) / 20_000.0).isBetween(0.04, 0.06);
    }

    @Test
    void theSameSeedPlansTheSameTrafficSoBaselineAndNodeGetIdenticalRequests() {
        TrafficMix again = new TrafficMix(TrafficMix.DEMO_DEVICES, 1);
        TrafficMix other = new TrafficMix(TrafficMix.DEMO_DEVICES, 2);

        for (long i = 0; i < 1_000; i++) {
            assertThat(again.alert(i)).isEqualTo(mix.alert(i));
        }
        assertThat(other.alert(0)).isNotEqualTo(mix.alert(0));
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(mix.alert(7).toString()).doesNotContain("secret");
    }
}
