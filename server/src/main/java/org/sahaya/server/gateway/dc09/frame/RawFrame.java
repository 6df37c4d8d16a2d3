package org.sahaya.server.gateway.dc09.frame;

/**
 * A frame cut from the byte stream and not yet checked.
 *
 * @param text the frame without its LF and CR (CRC, length, text), or null for {@link #TOO_LONG}
 */
public record RawFrame(String text) {

    /** Stands for a frame that exceeded the limit: discarded up to its CR, answered with NAK. */
    public static final RawFrame TOO_LONG = new RawFrame(null);

    public boolean tooLong() {
        return text == null;
    }
}
