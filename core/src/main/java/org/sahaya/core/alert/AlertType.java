package org.sahaya.core.alert;

/** What a device says happened. The names are part of the v1 public contract. */
public enum AlertType {
    FALL, SOS, MEDICAL, SMOKE, CO, GAS, WATER, INACTIVITY, LOW_BATTERY, TEST, CANCEL
}
