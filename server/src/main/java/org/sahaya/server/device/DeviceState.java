package org.sahaya.server.device;

import java.time.Duration;
import java.time.Instant;

/**
 * One device's health as persisted (with the grid's newer sighting merged in).
 *
 * @param deviceId          the device
 * @param lastHeard         when we last heard it
 * @param lastGateway       how (null when only an alert's low battery was noted)
 * @param interval          its own heartbeat interval, null for the node's default
 * @param batteryPercent    last reported charge, if any
 * @param offlineSince      when DEVICE_OFFLINE was raised for the current silence, null when heard since
 * @param offlineIncidentId the incident that DEVICE_OFFLINE opened or joined
 * @param lowBatterySince   when the family was last told of a low battery, null when charged since
 */
record DeviceState(String deviceId, Instant lastHeard, String lastGateway, Duration interval, Integer batteryPercent,
                   Instant offlineSince, String offlineIncidentId, Instant lowBatterySince) {
}
