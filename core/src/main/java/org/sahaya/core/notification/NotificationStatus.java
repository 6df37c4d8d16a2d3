package org.sahaya.core.notification;

/** Delivery status of one notification. It only ever moves forward (higher ordinal), except to FAILED. */
public enum NotificationStatus {
    /** Written to the outbox, not yet handed to the provider. */
    PENDING,
    /** Handed to the provider. */
    SENT,
    /** The provider confirmed delivery. */
    DELIVERED,
    /** The contact acknowledged. */
    ACKNOWLEDGED,
    /** Gave up; {@code failureReason} says why. */
    FAILED;

    public boolean canMoveTo(NotificationStatus next) {
        return next == FAILED ? this != ACKNOWLEDGED && this != FAILED : next.ordinal() > ordinal() && this != FAILED;
    }
}
