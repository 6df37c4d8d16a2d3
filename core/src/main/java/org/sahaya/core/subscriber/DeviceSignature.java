package org.sahaya.core.subscriber;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The device signature of the v1 contract: hex HMAC-SHA256 over {@code timestamp + "\n" + rawBody}
 * with the device's secret, and a replay window around our clock. Pure: no I/O. The node verifies
 * with it; the CLI, the tests and the load generator sign with it.
 */
public final class DeviceSignature {

    private DeviceSignature() {
    }

    /** Why a signature was refused; each maps to its own problem. */
    public enum Verdict { VALID, BAD_TIMESTAMP, OUTSIDE_WINDOW, BAD_SIGNATURE }

    public static String sign(String secret, String timestamp, byte[] body) {
        return HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    public static Verdict verify(String secret, String timestamp, String signatureHex, byte[] body, Instant now,
                                 Duration window) {
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Verdict.BAD_TIMESTAMP;
        }
        if (Math.abs(now.toEpochMilli() - millis) > window.toMillis()) {
            return Verdict.OUTSIDE_WINDOW;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHex);
        } catch (IllegalArgumentException e) {
            return Verdict.BAD_SIGNATURE;
        }
        // Constant-time comparison: no timing oracle on the secret.
        return MessageDigest.isEqual(given, mac(secret, timestamp, body)) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }

    private static byte[] mac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
