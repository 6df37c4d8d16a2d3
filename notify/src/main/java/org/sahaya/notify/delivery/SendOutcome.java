package org.sahaya.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.notify.outbox.NotificationRepository;

/**
 * What each outcome of handing an outbox row to its channel means for the row. Pure: the outbox's
 * sender does the I/O and asks here what comes next.
 * <ul>
 *   <li>No contact, or no channel implementation on this node: the row fails at once.</li>
 *   <li>A permanent refusal fails the row with the provider's reason code. A retryable refusal (the
 *       provider certainly did not take the message) is tried again after {@link DeliveryPolicy}'s
 *       delay while that still ends before the row's deadline; past it the row fails as
 *       {@code <reason> (retryable)}.</li>
 *   <li>A channel that throws anything else may have sent the message: {@link #CHANNEL_ERROR}, never
 *       retried on the same channel.</li>
 *   <li>A hand-over that cannot be marked because a crash interrupted the last one: handed over again
 *       only on a channel that deduplicates by notification id, else {@link #OUTCOME_UNKNOWN}.</li>
 * </ul>
 * Every failure but {@link #NO_CONTACT} fails over to the contact's next channel ({@link Failover}).
 */
public final class SendOutcome {

    public static final String NO_CHANNEL = "NO_CHANNEL";
    public static final String NO_CONTACT = "NO_CONTACT";
    public static final String CHANNEL_ERROR = "CHANNEL_ERROR";
    /** A hand-over was under way when the process died; the provider may or may not have the message. */
    public static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";

    /** What to do after a refusal. */
    public sealed interface Next permits Retry, Fail {
    }

    /** Hand the row over again after {@code delay}; it stays PENDING meanwhile. */
    public record Retry(Duration delay) implements Next {
    }

    /** Fail the row with {@code reason}. */
    public record Fail(String reason) implements Next {
    }

    /** What to do with a row whose hand-over could not be marked. */
    public enum Blocked {
        /** Not PENDING any more, or another sender holds the hand-over: nothing to do here. */
        LEAVE,
        /** A crash interrupted the last hand-over, and the channel deduplicates: hand it over again. */
        HAND_OVER_AGAIN,
        /** A crash interrupted the last hand-over on a channel that might send twice: fail it over. */
        FAIL_UNKNOWN
    }

    private SendOutcome() {
    }

    /** The reason a row cannot be handed over at all, if there is one. */
    public static Optional<String> unsendable(boolean hasContact, boolean hasChannel) {
        if (!hasContact) {
            return Optional.of(NO_CONTACT);
        }
        return hasChannel ? Optional.empty() : Optional.of(NO_CHANNEL);
    }

    /**
     * @param failedAttempts refusals so far, this one included
     * @param random         uniform in [0, 1), for the backoff's jitter
     */
    public static Next refused(DeliveryPolicy policy, String reason, boolean retryable, int failedAttempts,
                               Instant now, Instant createdAt, double random) {
        if (!retryable) {
            return new Fail(reason);
        }
        Duration delay = policy.nextDelay(now, createdAt, failedAttempts, random);
        return delay == null ? new Fail(reason + " (retryable)") : new Retry(delay);
    }

    /**
     * @param interrupted the row is PENDING with a hand-over started and never resolved
     * @param idempotent  the channel deduplicates by notification id
     */
    public static Blocked blocked(boolean interrupted, boolean idempotent) {
        if (!interrupted) {
            return Blocked.LEAVE;
        }
        return idempotent ? Blocked.HAND_OVER_AGAIN : Blocked.FAIL_UNKNOWN;
    }

    /** A row failed for {@code reason} goes on to the contact's next channel (without a contact there is none). */
    public static boolean failsOver(String reason) {
        return !NO_CONTACT.equals(reason);
    }

    /** The row once the provider took it. */
    public static Notification sent(Notification n, Instant at, String providerId) {
        return new Notification(n.id(), n.incidentId(), n.contactId(), n.channel(), n.step(), n.language(),
                n.text(), NotificationStatus.SENT, n.createdAt(), at, providerId, null);
    }

    /** The row once failed for {@code reason}, as the outbox stores it. */
    public static Notification failed(Notification n, String reason) {
        return new Notification(n.id(), n.incidentId(), n.contactId(), n.channel(), n.step(), n.language(),
                n.text(), NotificationStatus.FAILED, n.createdAt(), n.sentAt(), n.providerId(),
                NotificationRepository.storedReason(reason));
    }

    /** The {@code NOTIFICATION_FAILED} timeline entry's message: ids, step, channel and language, never the text. */
    public static String failedNote(Notification n, String reason) {
        return "Notification " + n.id() + " (" + n.step() + ", " + n.channel() + ", " + n.language() + ") failed: "
                + reason + ".";
    }
}
