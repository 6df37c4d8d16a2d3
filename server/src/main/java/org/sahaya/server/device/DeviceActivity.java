package org.sahaya.server.device;

import java.time.Instant;

/**
 * Where every gateway reports that it heard from a device: a heartbeat, a supervision message or
 * an alert. Device health (a device silent past its interval raises DEVICE_OFFLINE) is built on
 * what arrives here. Implementations must not block: gateways call this on an event loop.
 */
@FunctionalInterface
public interface DeviceActivity {

    /** Ignores everything; for gateways under test that do not care about device health. */
    DeviceActivity NONE = (deviceId, at, gateway) -> { };

    /**
     * @param deviceId the authenticated device
     * @param at       when we heard it (our clock)
     * @param gateway  how it reached us: {@code http}, {@code mqtt} or {@code dc09}
     */
    void heard(String deviceId, Instant at, String gateway);
}
