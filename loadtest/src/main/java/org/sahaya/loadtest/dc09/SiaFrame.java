package org.sahaya.loadtest.dc09;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * SIA DC-09 frames as an alarm panel sends them, in the clear: {@code LF crc len "SIA-DCS"seqL0#acct[#acct|data]_time CR}.
 * The CRC (CRC-16/ARC) and the length cover the part from the opening quote of the id token to the
 * end of the timestamp. Written here rather than shared with the node's receiver on purpose: a load
 * generator that reused the receiver's own codec could not catch the receiver misreading a frame.
 * Pure.
 */
public final class SiaFrame {

    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("'_'HH:mm:ss','MM-dd-yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SiaFrame() {
    }

    /**
     * @param sequence 1..9999, the panel's message number (the receiver's ACK repeats it)
     * @param account  the panel's account, e.g. {@code 1001}
     * @param data     the SIA event, e.g. {@code Nri1/MA01}
     */
    public static String plain(int sequence, String account, String data, Instant sentAt) {
        if (sequence < 1 || sequence > 9999) {
            throw new IllegalArgumentException("sequence must be 1..9999, was " + sequence);
        }
        return frame("\"SIA-DCS\"" + String.format(Locale.ROOT, "%04d", sequence) + "L0#" + account
                + "[#" + account + "|" + data + "]" + TIMESTAMP.format(sentAt));
    }

    /** Frames {@code text}: line feed, CRC and length in four hex digits each, the text, carriage return. */
    static String frame(String text) {
        return "\n" + String.format(Locale.ROOT, "%04X%04X", crc16Arc(text.getBytes(StandardCharsets.ISO_8859_1)),
                text.length()) + text + "\r";
    }

    /** CRC-16/ARC: polynomial 0x8005 reflected (0xA001), initial value 0, no final xor. */
    static int crc16Arc(byte[] bytes) {
        int crc = 0;
        for (byte b : bytes) {
            crc ^= b & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    /** What a receiver's answer says: {@code ACK}, {@code NAK}, {@code DUH}, and the sequence it answers (0 if none). */
    public record Answer(String token, int sequence) {

        public boolean acknowledged() {
            return token.equals("ACK");
        }
    }

    /**
     * Reads one answer frame (without its trailing CR), checking its CRC and length.
     *
     * @throws IllegalArgumentException if it is not a well-formed DC-09 answer
     */
    public static Answer answer(String framed) {
        int lf = framed.indexOf('\n');
        if (lf < 0 || framed.length() < lf + 9) {
            throw new IllegalArgumentException("not a DC-09 answer");
        }
        String text = framed.substring(lf + 9);
        int crc = Integer.parseInt(framed.substring(lf + 1, lf + 5), 16);
        int length = Integer.parseInt(framed.substring(lf + 5, lf + 9), 16);
        if (crc != crc16Arc(text.getBytes(StandardCharsets.ISO_8859_1)) || length != text.length()) {
            throw new IllegalArgumentException("answer with a bad CRC or length");
        }
        int close = text.indexOf('"', 1);
        if (!text.startsWith("\"") || close < 0) {
            throw new IllegalArgumentException("answer without an id token");
        }
        String token = text.substring(1, close).replace("*", "");
        String rest = text.substring(close + 1);
        int sequence = rest.length() >= 4 && rest.substring(0, 4).chars().allMatch(Character::isDigit)
                ? Integer.parseInt(rest.substring(0, 4)) : 0;
        return new Answer(token, sequence);
    }
}
