package org.sahaya.core.dc09;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The outer layer of every DC-09 frame, the same for a panel's message and a receiver's answer:
 * {@code LF <crc 4 hex> <length 4 hex> text CR}. The CRC ({@link Crc16Arc}) and the length both
 * cover the text, which runs from the opening quote of the id token to the end of the frame. Pure.
 */
public final class Dc09Envelope {

    private static final Pattern HEX4 = Pattern.compile("[0-9A-Fa-f]{4}");

    private Dc09Envelope() {
    }

    /** Wraps a frame's text (from the quote of its id on): LF, CRC, length, text, CR. */
    public static String wrap(String text) {
        return "\n" + Crc16Arc.hex(text) + String.format(Locale.ROOT, "%04X", text.length()) + text + "\r";
    }

    /**
     * Checks a frame's CRC and length and returns its text.
     *
     * @param frame the frame without its LF and CR: CRC, length, text
     * @return the text the CRC and length cover
     * @throws MalformedFrameException if it is too short, CRC or length are not hex digits, or either does not match
     */
    public static String open(String frame) {
        if (frame.length() < 9) {
            throw new MalformedFrameException("frame too short");
        }
        String crc = frame.substring(0, 4);
        String length = frame.substring(4, 8);
        if (!HEX4.matcher(crc).matches() || !HEX4.matcher(length).matches()) {
            throw new MalformedFrameException("CRC or length is not hexadecimal");
        }
        String text = frame.substring(8);
        if (Integer.parseInt(length, 16) != text.length()) {
            throw new MalformedFrameException("length field does not match the message");
        }
        if (Integer.parseInt(crc, 16) != Crc16Arc.of(text)) {
            throw new MalformedFrameException("CRC mismatch");
        }
        return text;
    }
}
