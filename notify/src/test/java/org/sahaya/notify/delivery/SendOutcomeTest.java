package org.sahaya.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;

class SendOutcomeTest {

    static final Instant WRITTEN = Instant.parse("2026-11-24T10:00:00Z");
    static final DeliveryPolicy POLICY = DeliveryPolicy.within(Duration.ofMinutes(2));
    static final Notification PENDING = new Notification("N-1", "INC-1", "CON-1", Channel.SMS, "DISPATCHED", "en",
            "Asha: fall detected", NotificationStatus.PENDING, WRITTEN, null, null, null);

    @Test
    void aRowWithoutAContactFailsBeforeOneWithoutAChannel() {
        assertThat(SendOutcome.unsendable(false, false)).contains(SendOutcome.NO_CONTACT);
        assertThat(SendOutcome.unsendable(true, false)).contains(SendOutcome.NO_CHANNEL);
        assertThat(SendOutcome.unsendable(true, true)).isEmpty();
    }

    @Test
    void aPermanentRefusalFailsWithTheProvidersReason() {
        assertThat(SendOutcome.refused(POLICY, "TWILIO_21211", false, 1, WRITTEN, WRITTEN, 0.5))
                .isEqualTo(new SendOutcome.Fail("TWILIO_21211"));
    }

    @Test
    void aRetryableRefusalWaitsWhileTheDeadlineAllowsThenFailsAsRetryable() {
        assertThat(SendOutcome.refused(POLICY, "TWILIO_20429", true, 1, WRITTEN, WRITTEN, 0.0))
                .isEqualTo(new SendOutcome.Retry(Duration.ofMillis(250)));
        assertThat(SendOutcome.refused(POLICY, "TWILIO_20429", true, 3, WRITTEN.plusSeconds(40), WRITTEN, 0.0))
                .isEqualTo(new SendOutcome.Fail("TWILIO_20429 (retryable)"));
        assertThat(SendOutcome.refused(DeliveryPolicy.singleAttempt(), "FCM_UNAVAILABLE", true, 1, WRITTEN, WRITTEN, 0.0))
                .isEqualTo(new SendOutcome.Fail("FCM_UNAVAILABLE (retryable)"));
    }

    @Test
    void anInterruptedHandOverIsRepeatedOnlyOnAChannelThatDeduplicates() {
        assertThat(SendOutcome.blocked(true, true)).isEqualTo(SendOutcome.Blocked.HAND_OVER_AGAIN);
        assertThat(SendOutcome.blocked(true, false)).isEqualTo(SendOutcome.Blocked.FAIL_UNKNOWN);
        assertThat(SendOutcome.blocked(false, false)).isEqualTo(SendOutcome.Blocked.LEAVE);
    }

    @Test
    void everyFailureButAMissingContactFailsOver() {
        assertThat(SendOutcome.failsOver(SendOutcome.NO_CONTACT)).isFalse();
        assertThat(SendOutcome.failsOver(SendOutcome.NO_CHANNEL)).isTrue();
        assertThat(SendOutcome.failsOver(SendOutcome.OUTCOME_UNKNOWN)).isTrue();
        assertThat(SendOutcome.failsOver("TWILIO_21211")).isTrue();
    }

    @Test
    void theRowRecordsWhatHappened() {
        Notification sent = SendOutcome.sent(PENDING, WRITTEN.plusSeconds(1), "SM123");
        assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.sentAt()).isEqualTo(WRITTEN.plusSeconds(1));
        assertThat(sent.providerId()).isEqualTo("SM123");

        Notification failed = SendOutcome.failed(PENDING, "x".repeat(1200));
        assertThat(failed.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(failed.failureReason()).hasSize(1000).endsWith("...");
    }

    @Test
    void theTimelineNamesIdsStepChannelAndLanguageButNeverTheText() {
        assertThat(SendOutcome.failedNote(PENDING, "TWILIO_21211"))
                .isEqualTo("Notification N-1 (DISPATCHED, SMS, en) failed: TWILIO_21211.")
                .doesNotContain("Asha");
    }
}
