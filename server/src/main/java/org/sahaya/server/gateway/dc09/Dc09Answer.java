package org.sahaya.server.gateway.dc09;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What the receiver answers to a frame: exactly one answer per complete frame. */
sealed interface Dc09Answer {

    DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("'_'HH:mm:ss','MM-dd-yyyy").withZone(ZoneOffset.UTC);

    /** The text of the answer from the opening quote of its id to its end (framed by {@link FrameCodec#frame}). */
    String text(Instant now);

    /** Taken: persisted before this is sent. Encrypted accounts get an encrypted answer carrying our time. */
    record Ack(Dc09Frame frame, AccountKey key) implements Dc09Answer {
        @Override
        public String text(Instant now) {
            String head = (key == null ? "\"ACK\"" : "\"*ACK\"") + address(frame) + "[";
            return key == null ? head + "]" : head + key.encrypt("]" + TIMESTAMP.format(now));
        }
    }

    /** Refused (bad CRC, length, format, key, timestamp; or not taken now): carries our time so the panel can resync. */
    record Nak(String reason) implements Dc09Answer {
        @Override
        public String text(Instant now) {
            return "\"NAK\"0000R0L0A0[]" + TIMESTAMP.format(now);
        }
    }

    /** Not understood: an unknown account or message type. Never encrypted: we may not know the key. */
    record Duh(Dc09Frame frame) implements Dc09Answer {
        @Override
        public String text(Instant now) {
            return "\"DUH\"" + address(frame) + "[]";
        }
    }

    private static String address(Dc09Frame frame) {
        return frame.sequence() + (frame.receiver() == null ? "" : "R" + frame.receiver()) + "L" + frame.prefix()
                + "#" + frame.account();
    }
}
