package org.sahaya.notify.preference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A daily window of local wall-clock time in which a contact is not disturbed by news that can wait.
 * {@code start} after {@code end} spans midnight (22:00–07:00). Pure.
 *
 * <p>The window is wall-clock time in the contact's zone, so it moves with daylight saving: 07:00 in
 * London is 07:00 GMT in winter and 07:00 BST in summer. When the end falls into a spring-forward gap
 * it is moved forward by the gap, as {@link ZonedDateTime#of} does, never skipped.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time");
        }
    }

    /** True when {@code at} falls inside the window in {@code zone}. */
    public boolean contains(Instant at, ZoneId zone) {
        LocalTime local = at.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }

    /** {@code at} itself when outside the window, else the instant the window ends in {@code zone}. */
    public Instant nextAllowed(Instant at, ZoneId zone) {
        if (!contains(at, zone)) {
            return at;
        }
        LocalDateTime local = at.atZone(zone).toLocalDateTime();
        LocalDate endDay = !local.toLocalTime().isBefore(end) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        return ZonedDateTime.of(endDay, end, zone).toInstant();
    }
}
