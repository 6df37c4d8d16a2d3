package org.sahaya.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How long people's sessions live and how failed logins are slowed down. A session ends when idle
 * for {@code sessionIdle} and at the latest {@code sessionMax} after the login, whatever its use.
 *
 * @param sessionIdle   {@code SAHAYA_SESSION_IDLE}, ISO-8601 duration, default {@code PT15M}
 * @param sessionMax    {@code SAHAYA_SESSION_MAX}, ISO-8601 duration, default {@code PT12H}; at least the idle time
 * @param failures      {@code SAHAYA_LOGIN_FAILURES}, default 5: failed logins allowed at once, per account and
 *                      per address, before further attempts get 429
 * @param failureWindow {@code SAHAYA_LOGIN_FAILURE_WINDOW}, ISO-8601 duration, default {@code PT5M}: how long a
 *                      blocked account or address takes to earn all its failures back (one per window / failures)
 */
public record LoginSettings(Duration sessionIdle, Duration sessionMax, int failures, Duration failureWindow) {

    public static final LoginSettings DEFAULT = new LoginSettings(Duration.ofMinutes(15), Duration.ofHours(12), 5,
            Duration.ofMinutes(5));

    public static LoginSettings from(Settings s) {
        Duration idle = duration(s, "SAHAYA_SESSION_IDLE", DEFAULT.sessionIdle());
        Duration max = duration(s, "SAHAYA_SESSION_MAX", DEFAULT.sessionMax());
        if (max.compareTo(idle) < 0) {
            throw new ConfigException("SAHAYA_SESSION_MAX", "must be at least SAHAYA_SESSION_IDLE (" + idle + "), was " + max);
        }
        return new LoginSettings(idle, max, s.getPositiveInt("SAHAYA_LOGIN_FAILURES", DEFAULT.failures()),
                duration(s, "SAHAYA_LOGIN_FAILURE_WINDOW", DEFAULT.failureWindow()));
    }

    private static Duration duration(Settings s, String name, Duration fallback) {
        String v = s.get(name).orElse(null);
        if (v == null) {
            return fallback;
        }
        Duration d;
        try {
            d = Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw new ConfigException(name, "must be an ISO-8601 duration such as PT15M, was '" + v + "'");
        }
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException(name, "must be positive, was " + v);
        }
        return d;
    }
}
