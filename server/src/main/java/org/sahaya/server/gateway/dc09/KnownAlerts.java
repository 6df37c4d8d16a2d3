package org.sahaya.server.gateway.dc09;

import io.vertx.core.Future;

/** Whether an alert is already stored. Must not block the caller. */
@FunctionalInterface
interface KnownAlerts {

    Future<Boolean> contains(String deviceId, String alertId);
}
