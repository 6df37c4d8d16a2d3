package org.sahaya.core.totp;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 6 digits, 30-second
 * steps, what every authenticator app shows. A code is accepted for the step it was made in and the
 * one before and after (clocks drift, people type slowly); that a code is used once only is
 * {@link TotpSteps}'s job, since it needs the grid.
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    /** Steps accepted either side of the current one. */
    public static final int DRIFT_STEPS = 1;
    private static final int SECRET_BYTES = 20;
    private static final String ISSUER = "Sahaya";

    private Totp() {
    }

    /** A new random secret of 160 bits, base32 as authenticator apps take it. */
    public static String newSecret(SecureRandom random) {
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        return Base32.encode(key);
    }

    /** The step {@code at} falls in: seconds since the epoch / 30. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The 6-digit code of {@code secret} (base32) for {@code step}. */
    public static String code(String secret, long step) {
        return code(Base32.decode(secret), step, DIGITS, "HmacSHA1");
    }

    /** RFC 4226 section 5.3: HMAC of the step counter, dynamic truncation, the last {@code digits} decimal digits. */
    static String code(byte[] key, long step, int digits, String algorithm) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
        int offset = hash[hash.length - 1] & 0xf;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        long modulo = (long) Math.pow(10, digits);
        String code = Long.toString(binary % modulo);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The step within {@link #DRIFT_STEPS} of {@code now} whose code is {@code given}; empty if none
     * (or the secret or code is malformed). Every candidate step is computed and compared in constant
     * time, so the time taken does not tell which step matched.
     */
    public static OptionalLong match(String secret, String given, Instant now) {
        if (given == null || secret == null) {
            return OptionalLong.empty();
        }
        byte[] key;
        try {
            key = Base32.decode(secret);
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
        byte[] presented = given.strip().getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        long matched = Long.MIN_VALUE;
        for (long s = current - DRIFT_STEPS; s <= current + DRIFT_STEPS; s++) {
            byte[] expected = code(key, s, DIGITS, "HmacSHA1").getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, presented) && matched == Long.MIN_VALUE) {
                matched = s;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /** What an authenticator app scans (Key URI format): {@code otpauth://totp/Sahaya:<user>?secret=...}. */
    public static String provisioningUri(String username, String secret) {
        String user = URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + ISSUER + ":" + user + "?secret=" + secret + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }
}
