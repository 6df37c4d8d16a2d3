package org.sahaya.server.gateway.dc09.intake;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** Which alerts of a device are already stored: the frames the DC-09 receiver has taken. Must not block the caller. */
@FunctionalInterface
public interface KnownAlerts {

    /**
     * @param idPrefix what the alert id starts with (taken literally)
     * @param since    the earliest receipt that counts
     * @return the id of the latest alert of {@code deviceId} whose id starts with {@code idPrefix}, received at or
     *         after {@code since}; empty if there is none
     */
    Future<Optional<String>> receivedSince(String deviceId, String idPrefix, Instant since);
}
