package org.sahaya.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.testing.MutableClock;

class DeviceRateLimitTest {

    private final MutableClock clock = new MutableClock();
    private final DeviceRateLimit limit = new DeviceRateLimit(1, 5, clock);

    @Test
    void routineTrafficBeyondTheBurstIsRefused() {
        long admitted = IntStream.range(0, 20).filter(i -> limit.admit("d1", AlertType.TEST)).count();
        assertThat(admitted).isEqualTo(5);
    }

    @Test
    void emergenciesAreNeverRefusedEvenWhenTheBucketIsEmpty() {
        IntStream.range(0, 20).forEach(i -> limit.admitRoutine("d1"));
        assertThat(IntStream.range(0, 100).allMatch(i -> limit.admit("d1", AlertType.FALL))).isTrue();
        assertThat(limit.admit("d1", AlertType.CANCEL)).isTrue();
    }

    @Test
    void emergenciesDelayTheRoutineTrafficBehindThem() {
        IntStream.range(0, 10).forEach(i -> limit.admit("d1", AlertType.SOS));
        clock.advance(Duration.ofSeconds(3));
        assertThat(limit.admitRoutine("d1")).isFalse();
        clock.advance(Duration.ofSeconds(10));
        assertThat(limit.admitRoutine("d1")).isTrue();
    }

    @Test
    void devicesHaveTheirOwnBuckets() {
        IntStream.range(0, 10).forEach(i -> limit.admitRoutine("d1"));
        assertThat(limit.admitRoutine("d2")).isTrue();
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        IntStream.range(0, 5).forEach(i -> limit.admitRoutine("d1"));
        assertThat(limit.admitRoutine("d1")).isFalse();
        clock.advance(Duration.ofMillis(1000));
        assertThat(limit.admitRoutine("d1")).isTrue();
        assertThat(limit.admitRoutine("d1")).isFalse();
    }

    @Test
    void aDeviceQuietLongEnoughNoLongerHoldsABucketWhileABusyOneStaysLimited() {
        limit.admitRoutine("quiet");
        IntStream.range(0, 5).forEach(i -> limit.admitRoutine("busy"));
        clock.advance(Duration.ofSeconds(1)); // "quiet" is full again, "busy" has one token of five

        IntStream.range(0, 4).forEach(i -> limit.admitRoutine("busy"));

        assertThat(limit.holdsBucket("quiet")).isFalse();
        assertThat(limit.holdsBucket("busy")).isTrue();
        assertThat(limit.admitRoutine("busy")).isFalse();
        assertThat(limit.admitRoutine("quiet")).isTrue();
    }

    @Test
    void aDeviceInDebtAfterEmergenciesKeepsItsBucketUntilRepaid() {
        IntStream.range(0, 10).forEach(i -> limit.admit("d1", AlertType.SOS));
        clock.advance(Duration.ofSeconds(9)); // -5 + 9 = 4 tokens: not yet full

        IntStream.range(0, 4).forEach(i -> limit.admitRoutine("d2"));

        assertThat(limit.holdsBucket("d1")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        IntStream.range(0, 4).forEach(i -> limit.admitRoutine("d2"));
        assertThat(limit.holdsBucket("d1")).isFalse();
    }
}
