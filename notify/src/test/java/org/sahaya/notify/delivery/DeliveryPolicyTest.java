package org.sahaya.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.retry.Backoff;
import org.sahaya.core.subscriber.Contact;

class DeliveryPolicyTest {

    static final Instant WRITTEN = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void eachChannelGetsAThirdOfTheFamilyBudget() {
        assertThat(DeliveryPolicy.within(Duration.ofMinutes(2)).retryDeadline(WRITTEN)).isEqualTo(WRITTEN.plusSeconds(40));
    }

    @Test
    void backoffGrowsWithJitterAndStaysUnderItsCap() {
        Backoff schedule = DeliveryPolicy.RETRIES;
        assertThat(schedule.delayAfter(1, 0.0)).isEqualTo(Duration.ofMillis(250));
        assertThat(schedule.delayAfter(1, 0.999)).isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
        assertThat(schedule.delayAfter(2, 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(schedule.delayAfter(4, 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.delayAfter(30, 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.delayAfter(30, 0.0)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void noRetryIsPlannedPastTheDeadline() {
        DeliveryPolicy policy = DeliveryPolicy.within(Duration.ofMinutes(2));
        assertThat(policy.nextDelay(WRITTEN.plusSeconds(10), WRITTEN, 1, 0.5)).isNotNull();
        assertThat(policy.nextDelay(WRITTEN.plusSeconds(39).plusMillis(800), WRITTEN, 1, 0.5)).isNull();
        assertThat(DeliveryPolicy.singleAttempt().nextDelay(WRITTEN, WRITTEN, 1, 0.5)).isNull();
    }

    @Test
    void failoverGoesSmsThenPushThenVoiceSkippingWhatTheContactCannotReceive() {
        Contact both = contact("+447700900123", "token-1");
        Contact phoneOnly = contact("+447700900123", null);
        Contact appOnly = contact(null, "token-1");

        assertThat(Failover.next(Channel.SMS, both)).contains(Channel.PUSH);
        assertThat(Failover.next(Channel.PUSH, both)).contains(Channel.VOICE);
        assertThat(Failover.next(Channel.VOICE, both)).isEmpty();
        assertThat(Failover.next(Channel.SMS, phoneOnly)).contains(Channel.VOICE);
        assertThat(Failover.next(Channel.PUSH, appOnly)).isEmpty();
        assertThat(Failover.next(Channel.SANDBOX, both)).isEqualTo(Optional.empty());
    }

    static Contact contact(String phone, String token) {
        return new Contact("CON-1", "SUB-1", "Ravi", "son", phone, "en-GB", "Europe/London", 1, token);
    }
}
