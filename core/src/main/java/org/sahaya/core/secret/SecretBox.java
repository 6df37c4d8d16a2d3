package org.sahaya.core.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.DeviceCredential;

/**
 * Seals the secrets we must read back (device secrets, DC-09 keys) under the master key, so that a
 * copy of the database (a backup, a stolen disk) does not hand them out. AES-256-GCM from the JDK: a
 * random 12-byte IV per value, the column and row bound in as associated data, stored as
 * {@code v1:<base64 of IV, cipher text and 16-byte tag>}. A value without the {@code v1:} prefix was
 * written before sealing existed (or by hand): it is used as it is and sealed at the next start
 * ({@link SecretSealing}).
 *
 * <p>Thread-safe; a seal or open costs microseconds. Never logs, and no exception names a value.
 */
public final class SecretBox {

    /** The prefix of a value sealed by this version. */
    public static final String V1 = "v1:";
    /** Bytes of a master key: AES-256. */
    public static final int KEY_BYTES = 32;

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    /** @throws IllegalArgumentException unless {@code key} has {@value #KEY_BYTES} bytes */
    public SecretBox(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a master key has " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A value that does not open with this key, or not in that place: the wrong master key, or a moved value. */
    public static final class Unopenable extends RuntimeException {
        Unopenable(String message) {
            super(message);
        }
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(V1);
    }

    /** @return the sealed form of {@code plain} for that column of row {@code id}; null for null */
    public String seal(SecretColumn column, String id, String plain) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, column, id, plain.getBytes(StandardCharsets.UTF_8));
        return V1 + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
    }

    /**
     * @return the plain value of that column of row {@code id}: opened if sealed, as stored if not yet sealed
     * @throws Unopenable if it is sealed but does not open (another master key, another row, or damaged)
     */
    public String open(SecretColumn column, String id, String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(V1.length()));
        } catch (IllegalArgumentException e) {
            throw unopenable(column, id);
        }
        if (all.length < IV_BYTES + TAG_BITS / 8) {
            throw unopenable(column, id);
        }
        byte[] plain = run(Cipher.DECRYPT_MODE, Arrays.copyOf(all, IV_BYTES), column, id,
                Arrays.copyOfRange(all, IV_BYTES, all.length));
        return new String(plain, StandardCharsets.UTF_8);
    }

    /** The device as stored, its secret sealed. */
    public Device seal(Device device) {
        return isSealed(device.secret()) ? device : new Device(device.id(), device.subscriberId(),
                seal(SecretColumn.DEVICE_SECRET, device.id(), device.secret()), device.demo());
    }

    /** The device as read from the database, its secret opened for use (an HMAC check, an MQTT login). */
    public Device open(Device stored) {
        return isSealed(stored.secret()) ? new Device(stored.id(), stored.subscriberId(),
                open(SecretColumn.DEVICE_SECRET, stored.id(), stored.secret()), stored.demo()) : stored;
    }

    /** The credential as read from the database, its secrets opened for a gateway's check. */
    public DeviceCredential open(DeviceCredential stored) {
        return new DeviceCredential(open(stored.device()), open(SecretColumn.DEVICE_PREVIOUS_SECRET,
                stored.device().id(), stored.previous()), stored.previousUntil(), stored.revokedAt());
    }

    private byte[] run(int mode, byte[] iv, SecretColumn column, String id, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(column.place(id));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw unopenable(column, id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getSimpleName());
        }
    }

    private static Unopenable unopenable(SecretColumn column, String id) {
        return new Unopenable(column.qualified() + " of " + id + " does not open with this master key");
    }

    @Override
    public String toString() {
        return "SecretBox[AES-256-GCM]";
    }
}
