package org.sahaya.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff doubling = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 2.0);

    @Test
    void stepsDoubleFromTheFirstUntilTheCap() {
        assertThat(doubling.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(doubling.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(doubling.delayAfter(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(doubling.delayAfter(7)).isEqualTo(Duration.ofMinutes(1));
        assertThat(doubling.delayAfter(60)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void jitterKeepsHalfTheStepAndRandomisesTheOtherHalf() {
        assertThat(doubling.delayAfter(3, 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(doubling.delayAfter(3, 0.5)).isEqualTo(Duration.ofSeconds(3));
        assertThat(doubling.delayAfter(3, 0.999)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aBackoffThatShrinksOrStartsAtZeroIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
