package org.sahaya.server.gateway.dc09.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sahaya.server.gateway.dc09.frame.Dc09Answer;

/**
 * An account's AES key (128, 192 or 256 bits) and the DC-09 use of it: CBC with a zero IV, the
 * plain text padded at its front with random characters to whole blocks, the cipher text hex-encoded.
 * Never logged: {@link #toString()} hides the key.
 */
public final class AccountKey implements Dc09Answer.Sealing {

    /** How the key is written in the account table. */
    public enum Format { ASCII, HEX }

    private static final IvParameterSpec ZERO_IV = new IvParameterSpec(new byte[16]);
    private static final char[] PAD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private AccountKey(byte[] bytes) {
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException("an AES key has 16, 24 or 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** @throws IllegalArgumentException if the key is not a valid AES key in that format (the message names no key) */
    public static AccountKey of(String written, Format format) {
        return switch (format) {
            case ASCII -> new AccountKey(written.getBytes(StandardCharsets.US_ASCII));
            case HEX -> {
                try {
                    yield new AccountKey(HexFormat.of().parseHex(written));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("a HEX key must be hexadecimal digits");
                }
            }
        };
    }

    /**
     * @param hex the encrypted part of a message, as sent
     * @return the plain text, pad included
     * @throws IllegalArgumentException if it is not whole AES blocks of hex digits
     */
    public String decrypt(String hex) {
        if (hex.isEmpty() || hex.length() % 32 != 0) {
            throw new IllegalArgumentException("encrypted data is not whole AES blocks");
        }
        byte[] sealed = HexFormat.of().parseHex(hex);
        return new String(run(Cipher.DECRYPT_MODE, sealed), StandardCharsets.ISO_8859_1);
    }

    /** Pads {@code plain} at its front to whole blocks, encrypts it, returns upper-case hex. */
    @Override
    public String encrypt(String plain) {
        int pad = 16 - plain.length() % 16;
        StringBuilder padded = new StringBuilder(plain.length() + pad);
        for (int i = 0; i < pad; i++) {
            padded.append(PAD[RANDOM.nextInt(PAD.length)]);
        }
        padded.append(plain);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, padded.toString().getBytes(StandardCharsets.ISO_8859_1));
        return HexFormat.of().withUpperCase().formatHex(sealed);
    }

    private byte[] run(int mode, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, key, ZERO_IV);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("AES failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "AccountKey[AES-" + key.getEncoded().length * 8 + "]";
    }
}
