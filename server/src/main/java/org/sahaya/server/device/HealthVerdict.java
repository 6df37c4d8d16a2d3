package org.sahaya.server.device;

import java.time.Instant;

/** What a sweep concluded about one device. */
public sealed interface HealthVerdict {

    String deviceId();

    /** Silent past its interval and grace: raise DEVICE_OFFLINE once for this silence. */
    record Offline(String deviceId, String alertId, Instant overdueSince) implements HealthVerdict {
    }

    /** Heard again after DEVICE_OFFLINE was raised. */
    record BackOnline(String deviceId, String incidentId, Instant heardAt, String gateway) implements HealthVerdict {
    }

    /** A heartbeat reported a low battery that the family has not been told of. */
    record BatteryLow(String deviceId, String alertId, Instant reportedAt) implements HealthVerdict {
    }

    /** A heartbeat reported the battery charged again: the next low battery is news again. */
    record BatteryCharged(String deviceId) implements HealthVerdict {
    }
}
