package org.sahaya.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sahaya.core.testing.MutableClock;

class FailureThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final FailureThrottle throttle = new FailureThrottle(3, Duration.ofMinutes(3), clock);

    @Test
    void aKeyIsBlockedAfterItsAllowanceAndEarnsOneFailureBackPerShare() {
        throttle.failed("10.0.0.7");
        throttle.failed("10.0.0.7");
        assertThat(throttle.blocked("10.0.0.7")).isFalse();
        throttle.failed("10.0.0.7");

        assertThat(throttle.blocked("10.0.0.7")).isTrue();
        assertThat(throttle.retryAfter("10.0.0.7")).isEqualTo(Duration.ofSeconds(60));
        assertThat(throttle.blocked("10.0.0.8")).as("other keys are not touched").isFalse();

        clock.advance(Duration.ofSeconds(60));
        assertThat(throttle.blocked("10.0.0.7")).isFalse();
        assertThat(throttle.retryAfter("10.0.0.7")).isZero();
    }

    @Test
    void aKeyThatEarnedEverythingBackIsForgotten() {
        throttle.failed("demo-0001");
        assertThat(throttle.held()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(3));
        throttle.failed("demo-0002"); // a use walks the held keys and drops the full ones
        throttle.failed("demo-0003");

        assertThat(throttle.blocked("demo-0001")).isFalse();
        assertThat(throttle.held()).isEqualTo(2);
    }

    @Test
    void nullKeysAreNeverBlocked() {
        throttle.failed(null);
        assertThat(throttle.blocked(null)).isFalse();
        assertThat(throttle.retryAfter(null)).isZero();
    }
}
