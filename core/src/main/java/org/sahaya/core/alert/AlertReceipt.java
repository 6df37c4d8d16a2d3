package org.sahaya.core.alert;

/**
 * The answer to a device for one alert, stored with it so a resend gets the same answer.
 *
 * @param alertId    the device's alert id
 * @param incidentId the incident the alert belongs to
 * @param outcome    what receiving it did
 * @param duplicate  true when this alert had been received before (nothing changed this time)
 */
public record AlertReceipt(String alertId, String incidentId, AlertOutcome outcome, boolean duplicate) {
}
