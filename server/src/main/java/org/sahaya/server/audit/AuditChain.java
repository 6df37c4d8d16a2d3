package org.sahaya.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * How an audit entry is fitted to its row and chained to the one before it. Pure: the writer and the
 * verifier (and anyone re-checking an export) compute the same hash from the same stored values.
 *
 * <p>{@code hash = hex(SHA-256(netstring(prevHash) netstring(seq) netstring(atMicros) netstring(actor)
 * netstring(role) netstring(action) netstring(record) netstring(address) netstring(outcome)))}, where
 * {@code netstring(s)} is the decimal length of s's UTF-8 bytes, {@code ':'}, the bytes, {@code ','}
 * (D. J. Bernstein's netstrings: no field can be shifted into its neighbour), {@code seq} and
 * {@code atMicros} (microseconds since the epoch) in decimal. The first entry's prevHash is
 * {@link #GENESIS}.
 *
 * <p>An event is {@linkplain #fit fitted} before it is hashed, so the hash covers exactly what the
 * database keeps: the instant to the microsecond (what H2 and PostgreSQL store), text cut to its
 * column, and characters no database stores the same way (NUL, a lone surrogate) replaced.
 */
public final class AuditChain {

    /** The prevHash of the first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);
    /** Column sizes of {@code audit_log} (V14_3); longer values are cut to them. */
    public static final int ACTOR = 100;
    public static final int ROLE = 100;
    public static final int ACTION = 100;
    public static final int RECORD = 200;
    public static final int ADDRESS = 64;
    public static final int OUTCOME = 64;

    private static final char REPLACEMENT = '\uFFFD';

    private AuditChain() {
    }

    /** The event as its row will hold it. */
    public static AuditEvent fit(AuditEvent e) {
        return new AuditEvent(e.at().truncatedTo(ChronoUnit.MICROS), cut(e.actor(), ACTOR), cut(e.role(), ROLE),
                cut(e.action(), ACTION), cut(e.record(), RECORD), cut(e.address(), ADDRESS), cut(e.outcome(), OUTCOME));
    }

    /** The hash of entry {@code seq} holding {@code e} (already {@linkplain #fit fitted}) after {@code prevHash}. */
    public static String hash(String prevHash, long seq, AuditEvent e) {
        MessageDigest sha = sha256();
        for (String field : new String[] {prevHash, Long.toString(seq), Long.toString(micros(e.at())), e.actor(),
                e.role(), e.action(), e.record(), e.address(), e.outcome()}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
            sha.update((byte) ',');
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Microseconds since the epoch, as the hash encodes the instant. */
    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    /**
     * {@code s} with NUL and lone surrogates replaced (PostgreSQL refuses the one and cannot keep the
     * other) and cut to at most {@code max} chars, never between the two halves of a surrogate pair.
     */
    static String cut(String s, int max) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (out.length() + 2 > max) {
                    break;
                }
                out.append(c).append(s.charAt(++i));
            } else if (c == 0 || Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
