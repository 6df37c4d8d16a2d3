package org.sahaya.loadtest.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CityScenarioTest {

    private static CityScenario scenario(double scale, int alertRate, int surgeFactor, boolean mqtt, boolean dc09) {
        return new CityScenario(scale, alertRate, surgeFactor, Duration.ofSeconds(20), Duration.ofSeconds(60),
                Duration.ofSeconds(10), Duration.ofSeconds(120), 44, 22, mqtt, dc09);
    }

    @Test
    void aMillionDevicesHeartbeatingEveryFiveMinutesIs3333PerSecond() {
        assertThat(scenario(1.0, 5, 1, false, false).heartbeatRate()).isEqualTo(3333);
        assertThat(scenario(0.01, 5, 1, false, false).heartbeatRate()).isEqualTo(33);
        assertThat(scenario(0.0001, 5, 1, false, false).heartbeatRate()).isEqualTo(1);
    }

    @Test
    void everyUnitReportsOncePerSecondAndEveryHospitalAboutEveryThirtySeconds() {
        List<StreamPlan> streams = scenario(0.01, 5, 1, false, false).streams();

        assertThat(streams).extracting(StreamPlan::name, StreamPlan::rate)
                .contains(org.assertj.core.groups.Tuple.tuple("positions", 44), org.assertj.core.groups.Tuple.tuple("beds", 1));
    }

    @Test
    void alertsAreSplitOverTheProtocolsWithoutLosingAny() {
        assertThat(CityScenario.split(10, true, true)).containsExactly(6, 3, 1);
        assertThat(CityScenario.split(10, false, true)).containsExactly(9, 0, 1);
        assertThat(CityScenario.split(10, false, false)).containsExactly(10, 0, 0);
        assertThat(CityScenario.split(1, true, true)).containsExactly(1, 0, 0);
    }

    @Test
    void theSurgeAddsFactorMinusOneTimesTheRateForItsSecondsAfterTheWarmup() {
        List<StreamPlan> surge = scenario(0.01, 10, 50, true, true).streams().stream().filter(StreamPlan::surge).toList();

        assertThat(surge).extracting(StreamPlan::rate).containsExactly(294, 147, 49);
        assertThat(surge.stream().mapToInt(StreamPlan::rate).sum()).isEqualTo(49 * 10);
        assertThat(surge).allSatisfy(s -> {
            assertThat(s.startsAt()).isEqualTo(Duration.ofSeconds(30));
            assertThat(s.schedule().warmup()).isZero();
            assertThat(s.schedule().duration()).isEqualTo(Duration.ofSeconds(60));
            assertThat(s.kind().isAlert()).isTrue();
        });
    }

    @Test
    void withoutASurgeThereAreOnlyBackgroundStreams() {
        assertThat(scenario(0.01, 5, 1, true, true).streams()).noneMatch(StreamPlan::surge)
                .extracting(StreamPlan::kind).containsExactly(StreamKind.HEARTBEAT, StreamKind.POSITION, StreamKind.BEDS,
                        StreamKind.ALERT_HTTP, StreamKind.ALERT_MQTT, StreamKind.ALERT_DC09);
    }

    @Test
    void aSurgeThatOutlastsTheMeasuredPeriodIsRefused() {
        assertThatThrownBy(() -> new CityScenario(0.01, 5, 50, Duration.ofSeconds(100), Duration.ofSeconds(60),
                Duration.ofSeconds(10), Duration.ofSeconds(120), 44, 22, false, false)).hasMessageContaining("surge");
    }
}
