package org.sahaya.core.alert;

/** What a device says happened. The names are part of the v1 public contract. */
public enum AlertType {
    FALL, SOS, MEDICAL, SMOKE, CO, GAS, WATER, INACTIVITY, LOW_BATTERY, TEST, CANCEL,
    /**
     * Raised by the node, never sent by a device: the device stayed silent past its heartbeat
     * interval. Recorded like LOW_BATTERY (P4, record only); gateways refuse it from devices.
     */
    DEVICE_OFFLINE;

    /** False for the types only the node raises; a gateway must refuse those from a device. */
    public boolean sentByDevices() {
        return this != DEVICE_OFFLINE;
    }
}
