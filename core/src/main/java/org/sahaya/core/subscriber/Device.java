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

    @Override
    public String toString() {
        return "Device[" + id + (demo ? ", demo" : "") + "]";
    }
}
