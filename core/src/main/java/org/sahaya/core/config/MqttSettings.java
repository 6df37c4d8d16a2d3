package org.sahaya.core.config;

import java.time.Duration;

/**
 * Limits of the MQTT gateway.
 *
 * @param maxMessageBytes {@code SAHAYA_MQTT_MAX_MESSAGE_BYTES}, default {@code SAHAYA_MAX_ALERT_BYTES} + 1024: the
 *                        largest MQTT packet accepted (topic, properties and payload); a larger one ends the
 *                        connection, since the rest of the stream cannot be trusted
 * @param connectTimeout  {@code SAHAYA_MQTT_CONNECT_TIMEOUT_SECONDS}, default 10: a socket that has not sent CONNECT
 *                        by then is closed
 * @param maxKeepAlive    {@code SAHAYA_MQTT_MAX_KEEP_ALIVE_SECONDS}, default 300: a client asking for no keep-alive
 *                        (0) or a longer one is held to this; silent for 1.5 times it, the connection is closed
 */
public record MqttSettings(int maxMessageBytes, Duration connectTimeout, Duration maxKeepAlive) {

    public MqttSettings {
        if (maxMessageBytes < 256) {
            throw new ConfigException("SAHAYA_MQTT_MAX_MESSAGE_BYTES", "must be at least 256");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new ConfigException("SAHAYA_MQTT_CONNECT_TIMEOUT_SECONDS", "must be positive");
        }
        if (maxKeepAlive.isNegative() || maxKeepAlive.isZero() || maxKeepAlive.toSeconds() > 65_535) {
            throw new ConfigException("SAHAYA_MQTT_MAX_KEEP_ALIVE_SECONDS", "must be 1..65535");
        }
    }

    static MqttSettings from(Settings s, int maxAlertBytes) {
        return new MqttSettings(
                s.getInt("SAHAYA_MQTT_MAX_MESSAGE_BYTES", maxAlertBytes + 1024),
                Duration.ofSeconds(s.getLong("SAHAYA_MQTT_CONNECT_TIMEOUT_SECONDS", 10)),
                Duration.ofSeconds(s.getLong("SAHAYA_MQTT_MAX_KEEP_ALIVE_SECONDS", 300)));
    }
}
