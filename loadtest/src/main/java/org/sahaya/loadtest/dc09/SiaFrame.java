package org.sahaya.loadtest.dc09;

import java.time.Instant;
import java.util.Locale;
import org.sahaya.core.dc09.Dc09Envelope;
import org.sahaya.core.dc09.Dc09Frame;

/**
 * SIA DC-09 frames as an alarm panel sends them, in the clear: {@code LF crc len "SIA-DCS"seqL0#acct[#acct|data]_time CR},
 * built and checked with core's one DC-09 format ({@link Dc09Frame}, {@link Dc09Envelope}: CRC-16/ARC and
 * length over the part from the opening quote of the id token to the end). The format's own tests
 * pin it to a catalogue CRC vector, so sharing it does not hide a receiver misreading a frame. Pure.
 */
public final class SiaFrame {

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
        return new Dc09Frame(Dc09Frame.SIA_DCS, false, String.format(Locale.ROOT, "%04d", sequence), null, "0", account,
                "#" + account + "|" + data + "]" + Dc09Frame.timestamp(sentAt)).framed();
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
        if (lf < 0) {
            throw new IllegalArgumentException("not a DC-09 answer");
        }
        String text = Dc09Envelope.open(framed.substring(lf + 1));
        // Not Dc09Frame.read: a NAK's header ("NAK"0000R0L0A0[]) names no account.
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
