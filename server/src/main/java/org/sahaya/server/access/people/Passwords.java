package org.sahaya.server.access.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and checks people's passwords with Argon2id (Bouncy Castle), memory-hard so that a stolen
 * table is slow to guess through. Every method takes tens of milliseconds and 19 MiB on purpose:
 * call them from a virtual thread ({@code Offload}), never an event loop.
 *
 * <p>{@link #verifyUnknown} does the same work as a real check, so that an unknown username takes
 * as long to refuse as a wrong password. At most a few hashes run at once (two per core), the rest
 * wait their turn: a burst of logins costs time, never the node's memory.
 */
public final class Passwords {

    /** The shortest password a new user may have (demo users are not created, so not held to it). */
    public static final int MIN_LENGTH = 12;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final PasswordHash.Cost cost;
    private final SecureRandom random;
    private final Semaphore running = new Semaphore(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()), true);
    private volatile PasswordHash dummy;

    public Passwords(PasswordHash.Cost cost, SecureRandom random) {
        this.cost = cost;
        this.random = random;
    }

    /** Argon2id at {@link PasswordHash.Cost#OWASP}. */
    public static Passwords owasp() {
        return new Passwords(PasswordHash.Cost.OWASP, new SecureRandom());
    }

    /** Refuses a password too short for a new account, saying why. */
    public static void checkNew(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new IllegalArgumentException("a password has at least " + MIN_LENGTH + " characters");
        }
    }

    /** A new PHC string for {@code password}, with a fresh random salt. Blocking. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(cost, salt, argon2(password, cost, salt, HASH_BYTES)).encoded();
    }

    /**
     * Whether {@code password} is the one {@code encoded} was made from, compared in constant time,
     * under the parameters written in {@code encoded}. False for a malformed hash. Blocking.
     */
    public boolean verify(String password, String encoded) {
        PasswordHash stored;
        try {
            stored = PasswordHash.parse(encoded);
        } catch (IllegalArgumentException e) {
            verifyUnknown(password);
            return false;
        }
        byte[] computed = argon2(password, stored.cost(), stored.salt(), stored.hash().length);
        return MessageDigest.isEqual(computed, stored.hash());
    }

    /** The work of a {@link #verify} against a fixed hash, for a user who does not exist. Always false. */
    public boolean verifyUnknown(String password) {
        PasswordHash d = dummy;
        if (d == null) {
            d = PasswordHash.parse(hash("no user has this password " + random.nextLong()));
            dummy = d;
        }
        argon2(password, d.cost(), d.salt(), d.hash().length);
        return false;
    }

    private byte[] argon2(String password, PasswordHash.Cost cost, byte[] salt, int length) {
        running.acquireUninterruptibly();
        try {
            return argon2Now(password, cost, salt, length);
        } finally {
            running.release();
        }
    }

    private static byte[] argon2Now(String password, PasswordHash.Cost cost, byte[] salt, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build());
        byte[] secret = (password == null ? "" : password).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }
}
