package org.sahaya.core.totp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, six
 * digits, what every authenticator app speaks. The node checks a code against the step before, the
 * step of and the step after the present, and says which step matched, so that a code once used can
 * be refused the second time (RFC 6238, section 5.2).
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;

    private Totp() {
    }

    /** The time step {@code at} falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of {@code step} for a secret, {@code digits} long, zero-padded. */
    public static String code(byte[] secret, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16)
                    | ((h[offset + 2] & 0xff) << 8) | (h[offset + 3] & 0xff);
            int modulo = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % modulo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /** The six-digit code for a base32 secret at {@code at}: what an authenticator app shows. */
    public static String now(String base32Secret, Instant at) {
        return code(Base32.decode(base32Secret), step(at), DIGITS);
    }

    /**
     * The step whose code {@code code} is, among the step of {@code at} and the ones either side; -1
     * when none matches. Compares every candidate in constant time.
     */
    public static long matchingStep(byte[] secret, String code, Instant at) {
        if (code == null || code.length() != DIGITS) {
            return -1;
        }
        long now = step(at);
        long found = -1;
        for (long s = now - 1; s <= now + 1; s++) {
            if (java.security.MessageDigest.isEqual(code(secret, s, DIGITS).getBytes(),
                    code.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                found = s;
            }
        }
        return found;
    }

    /** The {@code otpauth://} URI an authenticator app reads from a QR code. */
    public static String provisioningUri(String issuer, String account, String base32Secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
