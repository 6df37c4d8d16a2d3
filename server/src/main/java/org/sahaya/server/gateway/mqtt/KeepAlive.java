package org.sahaya.server.gateway.mqtt;

import java.time.Duration;

/** The keep-alive a connection is held to: the device's own, but never none and never longer than our maximum. */
final class KeepAlive {

    private KeepAlive() {
    }

    /** @param requestedSeconds the CONNECT's keep-alive; 0 means the device asked for none */
    static Duration effective(int requestedSeconds, Duration max) {
        if (requestedSeconds <= 0 || requestedSeconds > max.toSeconds()) {
            return max;
        }
        return Duration.ofSeconds(requestedSeconds);
    }
}
