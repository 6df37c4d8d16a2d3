package org.sahaya.core.subscriber;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a gateway checks a device against: its current secret, the secret before its last rotation
 * while the grace period lasts ({@code previousUntil}), and whether it was revoked. A revoked device
 * is refused at once on every gateway, whatever secret it shows.
 *
 * @param device        the device with its current secret (opened or sealed, as read)
 * @param previous      the secret before the last rotation; null when none
 * @param previousUntil until when {@code previous} is accepted (exclusive); null when none
 * @param revokedAt     when the device was revoked; null while it may be used
 */
public record DeviceCredential(Device device, String previous, Instant previousUntil, Instant revokedAt) {

    /** A device never rotated nor revoked. */
    public static DeviceCredential of(Device device) {
        return new DeviceCredential(device, null, null, null);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The secrets a signature or a password may be made with at {@code now}: the current one first. */
    public List<String> accepted(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(device.secret());
        if (previous != null && previousUntil != null && now.isBefore(previousUntil)) {
            secrets.add(previous);
        }
        return secrets;
    }

    @Override
    public String toString() {
        return "DeviceCredential[" + device.id() + (revoked() ? ", revoked" : "") + "]";
    }
}
