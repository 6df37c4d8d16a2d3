package org.sahaya.server.gateway.dc09.intake;

import io.vertx.core.Future;

/** Whether an alert is already stored. Must not block the caller. */
@FunctionalInterface
public interface KnownAlerts {

    Future<Boolean> contains(String deviceId, String alertId);
}
