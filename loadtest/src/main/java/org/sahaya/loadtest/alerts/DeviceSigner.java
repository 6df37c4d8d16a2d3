package org.sahaya.loadtest.alerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs an alert as a device does under the v1 contract: hex HMAC-SHA256 over
 * {@code timestamp + "\n" + rawBody}, keyed with the device secret. The node's verifier lives in
 * the server module, which the load tool must not depend on; once it moves to core, use it and
 * delete this class.
 */
public final class DeviceSigner {

    private DeviceSigner() {
    }

    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
