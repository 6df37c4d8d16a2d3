package org.sahaya.core.config;

import java.time.Duration;

/**
 * Limits of the SIA DC-09 gateway, read from {@link Settings}.
 *
 * @param maxFrameBytes   {@code SAHAYA_DC09_MAX_FRAME_BYTES}, default 2048: longer frames get NAK and are discarded
 * @param idleTimeout     {@code SAHAYA_DC09_IDLE_SECONDS}, default 120: a connection that completes no frame for this
 *                        long (idle, half-open, or dribbling bytes) is closed
 * @param timestampPast   {@code SAHAYA_DC09_TIMESTAMP_PAST_SECONDS}, default 40: how far a message's timestamp may lag
 *                        our clock (an account may set its own window)
 * @param timestampFuture {@code SAHAYA_DC09_TIMESTAMP_FUTURE_SECONDS}, default 20: how far it may lead our clock
 */
public record Dc09Config(int maxFrameBytes, Duration idleTimeout, Duration timestampPast, Duration timestampFuture) {

    public static Dc09Config from(Settings s) {
        int maxFrame = s.getInt("SAHAYA_DC09_MAX_FRAME_BYTES", 2048);
        if (maxFrame < 64) {
            throw new ConfigException("SAHAYA_DC09_MAX_FRAME_BYTES", "must be at least 64");
        }
        long idle = s.getLong("SAHAYA_DC09_IDLE_SECONDS", 120);
        if (idle < 1) {
            throw new ConfigException("SAHAYA_DC09_IDLE_SECONDS", "must be at least 1");
        }
        long past = s.getLong("SAHAYA_DC09_TIMESTAMP_PAST_SECONDS", 40);
        long future = s.getLong("SAHAYA_DC09_TIMESTAMP_FUTURE_SECONDS", 20);
        if (past < 0 || future < 0) {
            throw new ConfigException("SAHAYA_DC09_TIMESTAMP_PAST_SECONDS", "timestamp windows must not be negative");
        }
        return new Dc09Config(maxFrame, Duration.ofSeconds(idle), Duration.ofSeconds(past), Duration.ofSeconds(future));
    }
}
