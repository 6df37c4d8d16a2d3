package org.sahaya.core.config;

import java.time.Duration;

/**
 * What the HTTP server allows a client before it closes the connection, so that idle, slow and
 * half-open connections cannot pile up.
 *
 * @param idleTimeout     {@code SAHAYA_HTTP_IDLE_TIMEOUT_SECONDS}, default 30: a connection on which nothing
 *                        is read or written for this long is closed (catches half-open TCP connections)
 * @param requestTimeout  {@code SAHAYA_HTTP_REQUEST_TIMEOUT_SECONDS}, default 10: a new connection must send its
 *                        first request's headers within this, and every request its body; a slow body gets
 *                        408, slow first headers or a silent new connection are closed (slowloris)
 * @param maxHeaderBytes  {@code SAHAYA_HTTP_MAX_HEADER_BYTES}, default 8192: larger headers get 431
 */
public record HttpLimits(Duration idleTimeout, Duration requestTimeout, int maxHeaderBytes) {

    public static HttpLimits from(Settings s) {
        return new HttpLimits(seconds(s, "SAHAYA_HTTP_IDLE_TIMEOUT_SECONDS", 30),
                seconds(s, "SAHAYA_HTTP_REQUEST_TIMEOUT_SECONDS", 10),
                s.getInt("SAHAYA_HTTP_MAX_HEADER_BYTES", 8192));
    }

    private static Duration seconds(Settings s, String name, double fallback) {
        double v;
        try {
            v = s.get(name).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be a number of seconds, was '" + s.get(name).orElse("") + "'");
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new ConfigException(name, "must be a positive number of seconds, was " + v);
        }
        return Duration.ofMillis(Math.max(1, Math.round(v * 1000)));
    }
}
