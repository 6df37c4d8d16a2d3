package org.sahaya.notify.receipt;

import java.util.Locale;
import org.sahaya.core.notification.NotificationStatus;

/**
 * What a Twilio status callback ({@code MessageStatus} or {@code CallStatus}) means for our row. Pure.
 * Statuses only move forward: the caller applies the target only where {@link NotificationStatus#canMoveTo}
 * allows, so a late "sent" after "delivered" changes nothing.
 */
public final class ProviderStatus {

    /** The interpretation of one callback. */
    public sealed interface Meaning {
        record Move(NotificationStatus status, String reason) implements Meaning {
        }

        /** A status that says nothing new for us (e.g. "receiving"), or one we do not know. */
        record Ignore() implements Meaning {
        }
    }

    private ProviderStatus() {
    }

    /**
     * @param status    Twilio's {@code MessageStatus} or {@code CallStatus}
     * @param errorCode Twilio's {@code ErrorCode}, if any (e.g. 30003 unreachable handset)
     */
    public static Meaning of(String status, String errorCode) {
        String s = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "accepted", "scheduled", "queued", "sending", "sent", "initiated", "ringing" ->
                    new Meaning.Move(NotificationStatus.SENT, null);
            case "delivered", "read", "in-progress", "answered", "completed" ->
                    new Meaning.Move(NotificationStatus.DELIVERED, null);
            case "undelivered", "failed", "canceled", "busy", "no-answer" ->
                    new Meaning.Move(NotificationStatus.FAILED, reason(s, errorCode));
            default -> new Meaning.Ignore();
        };
    }

    /** {@code TWILIO_30003} when Twilio gave a code, else {@code TWILIO_NO_ANSWER} and the like. */
    static String reason(String status, String errorCode) {
        if (errorCode != null && errorCode.matches("[0-9]{1,6}")) {
            return "TWILIO_" + errorCode;
        }
        return "TWILIO_" + status.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
