package org.sahaya.core.subscriber;

import java.io.Serializable;

/**
 * A wearable or home hub registered to a subscriber.
 *
 * @param id           device id, e.g. {@code demo-0001}
 * @param subscriberId owner
 * @param secret       shared HMAC secret (never logged)
 * @param demo         seeded demo credentials; refused by a node not started in demo mode
 */
public record Device(String id, String subscriberId, String secret, boolean demo) implements Serializable {

    private static final String DEMO_PREFIX = "demo-";

    /** The id of demo device {@code number}: {@code demo-0001}. */
    public static String demoId(int number) {
        return DEMO_PREFIX + String.format("%04d", number);
    }

    /**
     * The published secret of a demo device: {@code demo-0001} signs with {@code demo-secret-0001},
     * so anyone can sign a demo alert by hand. Demo credentials are refused outside demo mode.
     *
     * @throws IllegalArgumentException if {@code deviceId} is not a demo device id
     */
    public static String demoSecret(String deviceId) {
        if (!isDemoId(deviceId)) {
            throw new IllegalArgumentException(deviceId + " is not a demo device");
        }
        return "demo-secret-" + deviceId.substring(DEMO_PREFIX.length());
    }

    public static boolean isDemoId(String deviceId) {
        return deviceId.startsWith(DEMO_PREFIX);
    }

    /** A demo device of {@code subscriberId} with its published secret. */
    public static Device demo(int number, String subscriberId) {
        String id = demoId(number);
        return new Device(id, subscriberId, demoSecret(id), true);
    }

    @Override
    public String toString() {
        return "Device[" + id + (demo ? ", demo" : "") + "]";
    }
}
