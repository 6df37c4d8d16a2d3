package org.sahaya.server.http.contract;

/**
 * The one answer to a device's signature that is not its own and to a device id no device has, from
 * the signature check and from the router's failure handler alike, so that ids cannot be probed.
 */
public final class BadSignature {

    private BadSignature() {
    }

    public static Problem problem() {
        return Problem.ofField(401, "signature-invalid", "Invalid signature",
                "X-Signature is not the HMAC-SHA256 of X-Timestamp, a newline and the body with this device's secret",
                "X-Signature");
    }
}
