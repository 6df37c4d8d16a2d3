package org.sahaya.notify.ack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed acknowledgement links, {@code <base>/a/<token>}, and the same token in push payloads. The
 * token is {@code <notificationId>.<expiry, epoch seconds in base 36>.<MAC>}: the MAC is the first
 * 96 bits of HMAC-SHA256 over the id and expiry, base64url. 96 bits are plenty for a token that
 * expires and is checked online, and every character saved keeps an SMS in fewer parts. Pure.
 */
public final class AckLinks {

    /** Result of checking a token. */
    public sealed interface Check {
        record Valid(String notificationId) implements Check {
        }

        record Expired(String notificationId) implements Check {
        }

        /** Malformed, or signed with another key. */
        record Forged() implements Check {
        }
    }

    private static final Pattern TOKEN = Pattern.compile("^([A-Za-z0-9_-]{1,64})\\.([0-9a-z]{1,13})\\.([A-Za-z0-9_-]{16})$");
    private static final int MAC_BYTES = 12;

    private final SecretKeySpec key;
    private final String baseUrl;
    private final Duration ttl;

    /**
     * @param secret  the signing secret ({@code SAHAYA_ACK_LINK_SECRET}; never logged)
     * @param baseUrl where the node is reached from outside, without a trailing slash
     * @param ttl     how long a link stays valid after it is made
     */
    public AckLinks(String secret, String baseUrl, Duration ttl) {
        Objects.requireNonNull(secret, "secret");
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    public String token(String notificationId, Instant now) {
        String expiry = Long.toString(now.plus(ttl).getEpochSecond(), 36);
        return notificationId + "." + expiry + "." + mac(notificationId + "." + expiry);
    }

    public String link(String notificationId, Instant now) {
        return baseUrl + "/a/" + token(notificationId, now);
    }

    public Check check(String token, Instant now) {
        var m = TOKEN.matcher(token == null ? "" : token);
        if (!m.matches()) {
            return new Check.Forged();
        }
        byte[] expected = mac(m.group(1) + "." + m.group(2)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, m.group(3).getBytes(StandardCharsets.US_ASCII))) {
            return new Check.Forged();
        }
        Instant expiry = Instant.ofEpochSecond(Long.parseLong(m.group(2), 36));
        return now.isAfter(expiry) ? new Check.Expired(m.group(1)) : new Check.Valid(m.group(1));
    }

    private String mac(String data) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            byte[] full = hmac.doFinal(data.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, MAC_BYTES));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "AckLinks[" + baseUrl + ", ttl=" + ttl + "]";
    }
}
