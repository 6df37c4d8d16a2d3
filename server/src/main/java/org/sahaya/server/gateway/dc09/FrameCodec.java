package org.sahaya.server.gateway.dc09;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the outer layer of a DC-09 frame: {@code <crc 4 hex><0LLL>"id"<seq>[Rrcvr]<Lpref><#acct>[...}.
 * The CRC (CRC-16/ARC) and the length both cover the part from the opening quote of the id to the end.
 */
final class FrameCodec {

    static final Set<String> SUPPORTED = Set.of(Dc09Frame.SIA_DCS, Dc09Frame.ADM_CID, Dc09Frame.NULL);

    private static final Pattern HEADER = Pattern.compile(
            "\"(\\*?)([A-Z0-9-]{1,12})\"(\\d{4})(?:R([0-9A-F]{1,6}))?L([0-9A-F]{1,6})#([0-9A-F]{3,16})\\[(.*)",
            Pattern.DOTALL);
    private static final Pattern HEX4 = Pattern.compile("[0-9A-Fa-f]{4}");

    private FrameCodec() {
    }

    /**
     * @param frame the frame without its LF and CR
     * @throws BadFrame with the reason the frame is refused (answered with NAK, or DUH for an unknown type)
     */
    static Dc09Frame read(String frame) {
        if (frame.length() < 9) {
            throw new BadFrame("frame too short");
        }
        String crc = frame.substring(0, 4);
        String length = frame.substring(4, 8);
        if (!HEX4.matcher(crc).matches() || !HEX4.matcher(length).matches()) {
            throw new BadFrame("CRC or length is not hexadecimal");
        }
        String checked = frame.substring(8);
        if (Integer.parseInt(length, 16) != checked.length()) {
            throw new BadFrame("length field does not match the message");
        }
        if (Integer.parseInt(crc, 16) != Crc16Arc.of(checked)) {
            throw new BadFrame("CRC mismatch");
        }
        Matcher m = HEADER.matcher(checked);
        if (!m.matches()) {
            throw new BadFrame("header does not follow \"id\"seq[Rrcvr]Lpref#acct[");
        }
        Dc09Frame parsed = new Dc09Frame(m.group(2), !m.group(1).isEmpty(), m.group(3), m.group(4), m.group(5),
                m.group(6), m.group(7));
        if (!SUPPORTED.contains(parsed.token())) {
            throw new BadFrame("unsupported message type", parsed);
        }
        return parsed;
    }

    /** Wraps an answer's text (from the quote of its id on) into a frame: LF, CRC, length, text, CR. */
    static String frame(String text) {
        return "\n" + Crc16Arc.hex(text) + String.format("%04X", text.length()) + text + "\r";
    }

    /** Why a frame was refused; {@code frame} is set when the header was readable (answered with DUH). */
    static final class BadFrame extends RuntimeException {
        private final transient Dc09Frame frame;

        BadFrame(String reason) {
            this(reason, null);
        }

        BadFrame(String reason, Dc09Frame frame) {
            super(reason, null, false, false);
            this.frame = frame;
        }

        Dc09Frame frame() {
            return frame;
        }
    }
}
