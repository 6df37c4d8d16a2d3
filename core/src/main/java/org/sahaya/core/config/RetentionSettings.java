package org.sahaya.core.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How long the personal data of a finished incident is kept.
 *
 * @param days {@code SAHAYA_RETENTION_DAYS}, default 0 = keep (no purge). When set, the node purges every
 *             hour (and once at start) the personal data of incidents closed more than that many days ago:
 *             message bodies, sandbox messages, alert vitals and locations, timeline lines, the precise
 *             location (see server/docs/privacy.md)
 */
public record RetentionSettings(int days) {

    public RetentionSettings {
        if (days < 0) {
            throw new ConfigException("SAHAYA_RETENTION_DAYS", "must be 0 (keep) or a number of days, was " + days);
        }
    }

    public static RetentionSettings from(Settings s) {
        return new RetentionSettings(s.getInt("SAHAYA_RETENTION_DAYS", 0));
    }

    /** How long to keep; empty when the data is kept (0). */
    public Optional<Duration> period() {
        return days == 0 ? Optional.empty() : Optional.of(Duration.ofDays(days));
    }
}
