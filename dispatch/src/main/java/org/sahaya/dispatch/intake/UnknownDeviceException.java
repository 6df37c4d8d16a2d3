package org.sahaya.dispatch.intake;

/** The alert names a device we do not know; nothing was stored. */
public final class UnknownDeviceException extends RuntimeException {

    public UnknownDeviceException(String deviceId) {
        super("unknown device " + deviceId);
    }
}
