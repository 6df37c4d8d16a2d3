package org.sahaya.core.config;

import java.time.Duration;

/**
 * How the node watches devices and how much routine traffic it takes from each, the same on every
 * gateway.
 *
 * @param heartbeat         {@code SAHAYA_DEVICE_HEARTBEAT_SECONDS}, default 900: the expected interval
 *                          between two messages of a device without its own ({@code devices.heartbeat_seconds})
 * @param grace             {@code SAHAYA_DEVICE_HEARTBEAT_GRACE_SECONDS}, default 300: how much later than
 *                          its interval a device may be before it is judged offline
 * @param sweep             {@code SAHAYA_DEVICE_SWEEP_SECONDS}, default 30: how often silences are looked for
 *                          (and last-heard times written to the database)
 * @param lowBatteryPercent {@code SAHAYA_DEVICE_LOW_BATTERY_PERCENT}, default 15: a heartbeat reporting this
 *                          or less tells the family once, until a heartbeat reports it charged again
 * @param ratePerSecond     {@code SAHAYA_DEVICE_RATE_PER_SECOND}, default 1: sustained routine messages
 *                          (heartbeats, tests, low battery) per device; emergencies are never refused
 * @param burst             {@code SAHAYA_DEVICE_BURST}, default 20: routine messages a quiet device may send at once
 * @param authFailures      {@code SAHAYA_DEVICE_AUTH_FAILURES}, default 10: failed authentications a device id,
 *                          DC-09 account or address may have at once before each further failure is answered
 *                          late or as "try later" (on every device gateway; a device that authenticates never is)
 * @param authPeriod        {@code SAHAYA_DEVICE_AUTH_PERIOD_SECONDS}, default 60: how long a blocked key takes to
 *                          earn all its failures back (10 per 60 s: one more every 6 s)
 * @param secretGrace       {@code SAHAYA_DEVICE_SECRET_GRACE_SECONDS}, default 86400: how long a device's old secret
 *                          keeps working after the secret was rotated, so that a device in a drawer or out of
 *                          coverage can be given its new secret; 0 = the old secret stops at once
 */
public record DeviceSettings(Duration heartbeat, Duration grace, Duration sweep, int lowBatteryPercent,
                             double ratePerSecond, int burst, int authFailures, Duration authPeriod,
                             Duration secretGrace) {

    /** The settings without a rotation grace of their own: the default one day. */
    public DeviceSettings(Duration heartbeat, Duration grace, Duration sweep, int lowBatteryPercent,
                          double ratePerSecond, int burst, int authFailures, Duration authPeriod) {
        this(heartbeat, grace, sweep, lowBatteryPercent, ratePerSecond, burst, authFailures, authPeriod,
                Duration.ofSeconds(DEFAULT_SECRET_GRACE_SECONDS));
    }

    /** One day: {@code SAHAYA_DEVICE_SECRET_GRACE_SECONDS} unless set. */
    public static final long DEFAULT_SECRET_GRACE_SECONDS = 86_400;

    public static DeviceSettings from(Settings s) {
        long heartbeat = positive(s, "SAHAYA_DEVICE_HEARTBEAT_SECONDS", 900);
        long grace = s.getLong("SAHAYA_DEVICE_HEARTBEAT_GRACE_SECONDS", 300);
        if (grace < 0) {
            throw new ConfigException("SAHAYA_DEVICE_HEARTBEAT_GRACE_SECONDS", "must not be negative");
        }
        long sweepMillis = Math.round(decimal(s, "SAHAYA_DEVICE_SWEEP_SECONDS", 30) * 1000);
        int low = s.getInt("SAHAYA_DEVICE_LOW_BATTERY_PERCENT", 15);
        if (low < 0 || low > 100) {
            throw new ConfigException("SAHAYA_DEVICE_LOW_BATTERY_PERCENT", "must be between 0 and 100, was " + low);
        }
        double rate = decimal(s, "SAHAYA_DEVICE_RATE_PER_SECOND", 1);
        int burst = (int) positive(s, "SAHAYA_DEVICE_BURST", 20);
        int authFailures = (int) positive(s, "SAHAYA_DEVICE_AUTH_FAILURES", 10);
        long authPeriod = positive(s, "SAHAYA_DEVICE_AUTH_PERIOD_SECONDS", 60);
        long secretGrace = s.getLong("SAHAYA_DEVICE_SECRET_GRACE_SECONDS", DEFAULT_SECRET_GRACE_SECONDS);
        if (secretGrace < 0) {
            throw new ConfigException("SAHAYA_DEVICE_SECRET_GRACE_SECONDS", "must not be negative");
        }
        return new DeviceSettings(Duration.ofSeconds(heartbeat), Duration.ofSeconds(grace),
                Duration.ofMillis(Math.max(1, sweepMillis)), low, rate, burst, authFailures, Duration.ofSeconds(authPeriod),
                Duration.ofSeconds(secretGrace));
    }

    private static long positive(Settings s, String name, long fallback) {
        long v = s.getLong(name, fallback);
        if (v <= 0) {
            throw new ConfigException(name, "must be positive, was " + v);
        }
        return v;
    }

    private static double decimal(Settings s, String name, double fallback) {
        double v;
        try {
            v = s.get(name).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be a number, was '" + s.get(name).orElse("") + "'");
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new ConfigException(name, "must be a positive number, was " + v);
        }
        return v;
    }
}
