package org.sahaya.server.gateway.dc09.frame;

import java.time.Instant;
import org.sahaya.core.dc09.Dc09Frame;

/** What the receiver answers to a frame: exactly one answer per complete frame. */
public sealed interface Dc09Answer {

    /** The text of the answer from the opening quote of its id to its end (framed by {@link AnswerEncoder}). */
    String text(Instant now);

    /** How an encrypted account's ACK is sealed: the account's AES key (the frame part knows no accounts). */
    @FunctionalInterface
    interface Sealing {
        /** @return {@code plain} padded, encrypted and hex-encoded */
        String encrypt(String plain);
    }

    /** Taken: persisted before this is sent. Encrypted accounts get an encrypted answer carrying our time. */
    record Ack(Dc09Frame frame, Sealing key) implements Dc09Answer {
        @Override
        public String text(Instant now) {
            return reply("ACK", frame, key != null, key == null ? "]" : key.encrypt("]" + Dc09Frame.timestamp(now)));
        }
    }

    /** Refused (bad CRC, length, format, key, timestamp; or not taken now): carries our time so the panel can resync. */
    record Nak(String reason) implements Dc09Answer {
        @Override
        public String text(Instant now) {
            return "\"NAK\"0000R0L0A0[]" + Dc09Frame.timestamp(now);
        }
    }

    /** Not understood: an unknown account or message type. Never encrypted: we may not know the key. */
    record Duh(Dc09Frame frame) implements Dc09Answer {
        @Override
        public String text(Instant now) {
            return reply("DUH", frame, false, "]");
        }
    }

    /** An answer addressed as the frame it answers: same sequence, receiver, line prefix and account. */
    private static String reply(String token, Dc09Frame to, boolean encrypted, String body) {
        return new Dc09Frame(token, encrypted, to.sequence(), to.receiver(), to.prefix(), to.account(), body).text();
    }
}
