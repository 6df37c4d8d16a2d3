package org.sahaya.core.dc09;

/**
 * A DC-09 frame that does not follow the format: wrong CRC or length, or a header that cannot be
 * read. The message says which and never quotes the frame (it may carry an account or an event).
 */
public final class MalformedFrameException extends IllegalArgumentException {

    public MalformedFrameException(String reason) {
        super(reason);
    }

    /** No stack trace: a bad frame from a panel is an answer (NAK), not a bug. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
