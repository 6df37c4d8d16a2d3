package org.sahaya.server.access.partners;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Partners' machine keys: 32 random bytes, base64url, and their SHA-256. A key carries 256 bits of
 * chance, so no one can guess it from its hash however fast the hash is; a fast hash lets every
 * request find its partner by the hash alone, in a map, without a slow key-stretching function on
 * the path of every position report.
 */
public final class MachineKeys {

    /** What the demo keys start with: {@code demo-key-<partnerId>}, accepted only by a demo node. */
    public static final String DEMO_PREFIX = "demo-key-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private MachineKeys() {
    }

    /** A new key: 32 random bytes, base64url without padding (43 characters). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of the key's UTF-8 bytes, lowercase hex (64 characters): what is stored. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The demo key of a demo partner. */
    public static String demoKey(String partnerId) {
        return DEMO_PREFIX + partnerId;
    }
}
