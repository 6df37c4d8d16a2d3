package org.sahaya.server.device;

import io.vertx.core.Vertx;

/**
 * Tells every member that a device was revoked, over the event bus (clustered when the node has peers),
 * so that each member's MQTT gateway drops the device's open session at once. New connections and
 * signed requests need no message: every gateway reads the device's row for each authentication.
 */
public final class DeviceRevocations {

    /** The event bus address; the message body is the device id. */
    public static final String ADDRESS = "sahaya.device.revoked";

    private DeviceRevocations() {
    }

    /** Publishes to every member, this one included. Non-blocking. */
    public static void publish(Vertx vertx, String deviceId) {
        vertx.eventBus().publish(ADDRESS, deviceId);
    }
}
