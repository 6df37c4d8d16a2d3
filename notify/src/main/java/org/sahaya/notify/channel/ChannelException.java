package org.sahaya.notify.channel;

/**
 * A channel could not hand a message over. The reason code is stored as the notification's failure
 * reason and shown on the incident timeline, so it must be short, stable and free of personal data
 * ({@code INVALID_NUMBER}, {@code UNREGISTERED_TOKEN}, {@code PROVIDER_UNAVAILABLE}, {@code RATE_LIMITED}).
 *
 * <p>Retryable means the provider certainly did not take the message and a later attempt may
 * succeed. An unknown outcome (a timeout after the request was written) is not retryable: the
 * message may already be on the phone, and whether to risk a duplicate is the escalation's call.
 */
public final class ChannelException extends Exception {

    private final String reason;
    private final boolean retryable;

    public ChannelException(String reason, boolean retryable, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a channel failure needs a reason code");
        }
        this.reason = reason;
        this.retryable = retryable;
    }

    /** A failure that will happen again: a bad number, a revoked token, a refused account. */
    public static ChannelException permanent(String reason, String detail) {
        return new ChannelException(reason, false, detail, null);
    }

    /** A failure that may pass: the provider is down, busy or rate limiting, and did not take the message. */
    public static ChannelException retryable(String reason, String detail, Throwable cause) {
        return new ChannelException(reason, true, detail, cause);
    }

    /** Short, stable code without personal data, e.g. {@code INVALID_NUMBER}. */
    public String reason() {
        return reason;
    }

    /** True when a later attempt may succeed and cannot duplicate the message. */
    public boolean retryable() {
        return retryable;
    }
}
