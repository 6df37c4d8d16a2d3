package org.sahaya.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @ParameterizedTest
    @CsvSource({"1,1", "3,7", "100,20", "200,30", "400,30", "800,20", "20000,600"})
    void measuredPeriodHasExactlyRateTimesDurationSends(int rate, int seconds) {
        Schedule schedule = new Schedule(rate, Duration.ofSeconds(5), Duration.ofSeconds(seconds));

        assertThat(schedule.measuredCount()).isEqualTo((long) rate * seconds);
        assertThat(schedule.warmupCount()).isEqualTo(rate * 5L);
        assertThat(schedule.totalCount()).isEqualTo(rate * (5L + seconds));
    }

    @Test
    void intendedTimesAreEvenlySpacedAndDoNotDrift() {
        Schedule schedule = new Schedule(3, Duration.ZERO, Duration.ofSeconds(100));

        long[] offsets = LongStream.range(0, schedule.totalCount()).map(schedule::intendedOffsetNanos).toArray();

        assertThat(offsets[0]).isZero();
        assertThat(offsets[1]).isEqualTo(333_333_333L);
        // Computed from the index, not by adding a rounded interval 300 times.
        assertThat(offsets[300 - 1]).isEqualTo(299L * 1_000_000_000L / 3);
        for (int i = 1; i < offsets.length; i++) {
            assertThat(offsets[i] - offsets[i - 1]).isBetween(333_333_333L, 333_333_334L);
        }
        assertThat(offsets[offsets.length - 1]).isLessThan(Duration.ofSeconds(100).toNanos());
    }

    @Test
    void warmupSendsComeFirstAndMeasurementStartsRightAfterThem() {
        Schedule schedule = new Schedule(200, Duration.ofSeconds(5), Duration.ofSeconds(30));

        assertThat(schedule.isWarmup(999)).isTrue();
        assertThat(schedule.isWarmup(1000)).isFalse();
        assertThat(schedule.measurementStartNanos()).isEqualTo(Duration.ofSeconds(5).toNanos())
                .isEqualTo(schedule.intendedOffsetNanos(1000));
    }

    @Test
    void refusesRunsOutsideItsBounds() {
        assertThatThrownBy(() -> new Schedule(0, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(Schedule.MAX_RATE + 1, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(100, Duration.ZERO, Duration.ofMinutes(11)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(100, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(100, Duration.ZERO, Duration.ofSeconds(1)).intendedOffsetNanos(100))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
