package org.sahaya.notify.family;

import java.time.Instant;

/**
 * Extension point: whether a device's low battery is news to its family now (the node's device
 * health keeps when the family was last told). Blocking: called off the event loop.
 */
@FunctionalInterface
public interface LowBatteryNews {

    /** @return true if this call takes the news, so the family is told; false if they were told already */
    boolean take(String deviceId, Instant now);
}
