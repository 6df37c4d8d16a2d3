package org.sahaya.server.access.people;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored Argon2id password hash in the PHC string format other tools read:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in base64 without padding.
 * The cost is part of the string, so a hash made under older parameters still verifies after they
 * are raised.
 *
 * @param cost the Argon2 parameters the hash was made with
 * @param salt the random salt
 * @param hash the Argon2id output
 */
public record PasswordHash(Cost cost, byte[] salt, byte[] hash) {

    /** Argon2's version 1.3, the only one the format names as {@code v=19}. */
    static final int VERSION = 19;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{16,})\\$([A-Za-z0-9+/]{16,})");

    /**
     * Argon2's cost parameters.
     *
     * @param memoryKiB   memory in KiB (m)
     * @param iterations  passes over the memory (t)
     * @param parallelism lanes (p)
     */
    public record Cost(int memoryKiB, int iterations, int parallelism) {

        /** OWASP's recommendation for Argon2id: 19 MiB, 2 passes, one lane (about 30-60 ms a hash). */
        public static final Cost OWASP = new Cost(19 * 1024, 2, 1);

        public Cost {
            if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("Argon2 needs m >= 8p, t >= 1 and p >= 1");
            }
        }
    }

    /** Reads a PHC string; throws {@link IllegalArgumentException} for anything else (never showing it). */
    public static PasswordHash parse(String encoded) {
        Matcher m = encoded == null ? null : PHC.matcher(encoded);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not an Argon2id PHC string");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return new PasswordHash(new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))), b64.decode(m.group(4)), b64.decode(m.group(5)));
    }

    /** The PHC string. */
    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=" + VERSION + "$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p="
                + cost.parallelism() + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Never the salt or hash. */
    @Override
    public String toString() {
        return "PasswordHash[argon2id, " + cost + "]";
    }
}
