package org.sahaya.notify.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.notify.receipt.ProviderStatus.Meaning;

class ProviderStatusTest {

    @Test
    void twilioMessageAndCallStatusesMapOntoOurs() {
        assertThat(ProviderStatus.of("queued", null)).isEqualTo(new Meaning.Move(NotificationStatus.SENT, null));
        assertThat(ProviderStatus.of("sent", null)).isEqualTo(new Meaning.Move(NotificationStatus.SENT, null));
        assertThat(ProviderStatus.of("delivered", null)).isEqualTo(new Meaning.Move(NotificationStatus.DELIVERED, null));
        assertThat(ProviderStatus.of("completed", null)).isEqualTo(new Meaning.Move(NotificationStatus.DELIVERED, null));
        assertThat(ProviderStatus.of("undelivered", "30003"))
                .isEqualTo(new Meaning.Move(NotificationStatus.FAILED, "TWILIO_30003"));
        assertThat(ProviderStatus.of("no-answer", null))
                .isEqualTo(new Meaning.Move(NotificationStatus.FAILED, "TWILIO_NO_ANSWER"));
        assertThat(ProviderStatus.of("receiving", null)).isInstanceOf(Meaning.Ignore.class);
    }

    @Test
    void statusesOnlyMoveForward() {
        assertThat(NotificationStatus.DELIVERED.canMoveTo(NotificationStatus.SENT)).isFalse();
        assertThat(NotificationStatus.ACKNOWLEDGED.canMoveTo(NotificationStatus.DELIVERED)).isFalse();
        assertThat(NotificationStatus.ACKNOWLEDGED.canMoveTo(NotificationStatus.FAILED)).isFalse();
        assertThat(NotificationStatus.SENT.canMoveTo(NotificationStatus.DELIVERED)).isTrue();
    }
}
