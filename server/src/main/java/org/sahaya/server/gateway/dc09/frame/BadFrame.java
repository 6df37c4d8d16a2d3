package org.sahaya.server.gateway.dc09.frame;

import org.sahaya.core.dc09.Dc09Frame;

/**
 * Why a frame or its content was refused, answered with NAK; {@code frame} is set when the header
 * was readable but the message type is not ours (answered with DUH).
 */
public final class BadFrame extends RuntimeException {

    private final transient Dc09Frame frame;

    public BadFrame(String reason) {
        this(reason, null);
    }

    public BadFrame(String reason, Dc09Frame frame) {
        super(reason, null, false, false);
        this.frame = frame;
    }

    public Dc09Frame frame() {
        return frame;
    }
}
