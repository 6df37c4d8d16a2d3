package org.sahaya.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahaya.core.notification.NotificationStatus.ACKNOWLEDGED;
import static org.sahaya.core.notification.NotificationStatus.DELIVERED;
import static org.sahaya.core.notification.NotificationStatus.FAILED;
import static org.sahaya.core.notification.NotificationStatus.PENDING;
import static org.sahaya.core.notification.NotificationStatus.SENT;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NotificationStatusTest {

    @Test
    void aMessageMovesForwardFromOutboxToAcknowledgement() {
        assertThat(PENDING.canMoveTo(SENT)).isTrue();
        assertThat(SENT.canMoveTo(DELIVERED)).isTrue();
        assertThat(DELIVERED.canMoveTo(ACKNOWLEDGED)).isTrue();
    }

    @Test
    void aLateOrMissingReceiptDoesNotHoldBackAnAcknowledgement() {
        // Families often answer before the carrier's delivery receipt arrives, or one never comes.
        assertThat(SENT.canMoveTo(ACKNOWLEDGED)).isTrue();
        assertThat(PENDING.canMoveTo(DELIVERED)).isTrue();
    }

    @Test
    void aLateReceiptNeverMovesAMessageBackwards() {
        assertThat(DELIVERED.canMoveTo(SENT)).isFalse();
        assertThat(ACKNOWLEDGED.canMoveTo(DELIVERED)).isFalse();
        assertThat(SENT.canMoveTo(PENDING)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = {"PENDING", "SENT", "DELIVERED"})
    void anUnacknowledgedMessageCanFail(NotificationStatus status) {
        assertThat(status.canMoveTo(FAILED)).isTrue();
    }

    @Test
    void anAcknowledgedMessageNeverTurnsIntoAFailure() {
        assertThat(ACKNOWLEDGED.canMoveTo(FAILED)).isFalse();
    }

    @ParameterizedTest
    @EnumSource
    void aFailedMessageStaysFailed(NotificationStatus next) {
        assertThat(FAILED.canMoveTo(next)).isFalse();
    }

    @ParameterizedTest
    @EnumSource
    void noStatusMovesToItself(NotificationStatus status) {
        assertThat(status.canMoveTo(status)).isFalse();
    }
}
