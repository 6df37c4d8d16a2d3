package org.sahaya.server.gateway.dc09.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.sahaya.core.dc09.Dc09Frame;
import org.sahaya.server.gateway.dc09.message.Dc09Event;
import org.sahaya.server.gateway.dc09.message.Dc09Message;

/**
 * The alert ids of a message, the same for its retransmissions. A panel that missed our ACK sends
 * the message again with the same account, sequence number and data (its timestamp may be new),
 * within seconds to minutes. Sequence numbers wrap at 9999 and restart when a panel reboots, so they
 * alone would merge a new emergency into an old one: the id also carries the 10-minute slot of our
 * receipt. The gateway looks for the same message (the same {@link #stem}) received within the
 * replay window ({@link #replayWindow}) and answers from it ({@link #sameAs}), so a retransmission
 * or a replay that the timestamp window still lets through always finds the original, whatever slot
 * boundaries lie between; anything older the timestamp window refuses.
 */
final class RetransmissionKey {

    static final Duration SLOT = Duration.ofMinutes(10);

    private final String stem;
    private final long slot;

    private RetransmissionKey(String stem, long slot) {
        this.stem = stem;
        this.slot = slot;
    }

    static RetransmissionKey of(Dc09Message message, Instant receivedAt) {
        Dc09Frame frame = message.frame();
        String stem = "dc09-" + frame.account() + "-" + frame.sequence() + "-" + digest(frame.token() + "|" + message.data());
        return new RetransmissionKey(stem, Math.floorDiv(receivedAt.getEpochSecond(), SLOT.toSeconds()));
    }

    /** The same message as received one slot earlier. */
    RetransmissionKey previous() {
        return new RetransmissionKey(stem, slot - 1);
    }

    /** What every alert id of this message starts with, whatever its slot. */
    String stem() {
        return stem;
    }

    /**
     * This message as received when {@code alertId} (an alert id of this message, from any slot) was:
     * the key whose ids are that earlier message's ids.
     *
     * @throws IllegalArgumentException if {@code alertId} is not an id of this message
     */
    RetransmissionKey sameAs(String alertId) {
        String tail = alertId.startsWith(stem + "-") ? alertId.substring(stem.length() + 1) : "";
        int dash = tail.indexOf('-');
        try {
            return new RetransmissionKey(stem, Long.parseLong(dash < 0 ? tail : tail.substring(0, dash)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an alert id of this message");
        }
    }

    /**
     * How far back the original of a message is looked for: at least a slot (a panel's own
     * retransmissions, which may carry new timestamps), and at least both sides of the timestamp
     * window together, since a replay carries the original's timestamp, which our clock saw up to
     * {@code future} ahead when the original came and may see up to {@code past} behind now.
     */
    static Duration replayWindow(TimestampWindow window) {
        Duration both = window.past().plus(window.future());
        return both.compareTo(SLOT) > 0 ? both : SLOT;
    }

    /** The id of the message's {@code index}-th event, e.g. {@code dc09-1001-0042-9F86D081-2962437-0MA}. */
    String alertId(int index, Dc09Event event) {
        return stem + "-" + slot + "-" + index + event.label();
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.ISO_8859_1));
            return HexFormat.of().withUpperCase().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
