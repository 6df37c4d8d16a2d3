package org.sahaya.core.dc09;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One DC-09 frame's parts: {@code "[*]id"seq[Rrcvr]Lpref#acct[body}, inside its {@link Dc09Envelope}.
 * Read by the node's receiver ({@link #read}) and built by the panels of the load tool and of
 * {@code sahaya dc09} ({@link #framed}); the receiver's answers use the same layout. Pure.
 *
 * @param token     the message type without the encryption mark: {@code SIA-DCS}, {@code ADM-CID}, {@code NULL}, {@code ACK}...
 * @param encrypted the id carries the {@code *} mark: everything after the data bracket is AES, hex-encoded
 * @param sequence  four digits, repeated by a retransmission and by the answer
 * @param receiver  the {@code Rrcvr} digits, or null
 * @param prefix    the {@code Lpref} digits
 * @param account   the {@code #acct} digits, upper case
 * @param body      everything after the opening data bracket, as sent
 */
public record Dc09Frame(String token, boolean encrypted, String sequence, String receiver, String prefix, String account,
                        String body) {

    public static final String SIA_DCS = "SIA-DCS";
    public static final String ADM_CID = "ADM-CID";
    public static final String NULL = "NULL";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("'_'HH:mm:ss','MM-dd-yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern HEADER = Pattern.compile(
            "\"(\\*?)([A-Z0-9-]{1,12})\"(\\d{4})(?:R([0-9A-F]{1,6}))?L([0-9A-F]{1,6})#([0-9A-F]{3,16})\\[(.*)",
            Pattern.DOTALL);

    /**
     * @param text a frame's text, as {@link Dc09Envelope#open} returns it
     * @throws MalformedFrameException if the header does not follow the format
     */
    public static Dc09Frame read(String text) {
        Matcher m = HEADER.matcher(text);
        if (!m.matches()) {
            throw new MalformedFrameException("header does not follow \"id\"seq[Rrcvr]Lpref#acct[");
        }
        return new Dc09Frame(m.group(2), !m.group(1).isEmpty(), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7));
    }

    /** A timestamp as frames carry it, in UTC: {@code _HH:mm:ss,MM-dd-yyyy}. */
    public static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }

    public boolean isSupervision() {
        return NULL.equals(token);
    }

    /** The text the CRC and length cover: from the quote of the id to the end of the body. */
    public String text() {
        return "\"" + (encrypted ? "*" : "") + token + "\"" + sequence + (receiver == null ? "" : "R" + receiver)
                + "L" + prefix + "#" + account + "[" + body;
    }

    /** The frame as it goes on the wire, in its envelope. */
    public String framed() {
        return Dc09Envelope.wrap(text());
    }
}
