package org.sahaya.server.report.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The period a report covers: incidents opened from {@code from} (inclusive) until {@code to} (exclusive),
 * at most a year. Each end is an ISO-8601 instant with an offset ({@code 2026-11-01T00:00:00Z}) or a date
 * ({@code 2026-11-01}), which stands for the start of that day in the city's time zone.
 */
public record SlaPeriod(Instant from, Instant to) {

    /** A period that cannot be reported; {@code field} names the parameter at fault. */
    public static final class Invalid extends RuntimeException {
        private final String field;

        Invalid(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** @throws Invalid naming {@code from} or {@code to} */
    public static SlaPeriod parse(String from, String to, ZoneId zone) {
        Instant start = end("from", from, zone);
        Instant end = end("to", to, zone);
        if (!end.isAfter(start)) {
            throw new Invalid("to", "to must be after from");
        }
        if (end.isAfter(start.atZone(zone).plusYears(1).toInstant())) {
            throw new Invalid("to", "a report covers at most one year: to must be at most a year after from");
        }
        return new SlaPeriod(start, end);
    }

    /** The calendar month {@code month} in the city's zone. */
    public static SlaPeriod of(YearMonth month, ZoneId zone) {
        return new SlaPeriod(month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }

    private static Instant end(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            throw new Invalid(field, field + " is required: an ISO-8601 date (2026-11-01) or instant (2026-11-01T00:00:00Z)");
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new Invalid(field, field + " must be an ISO-8601 date (2026-11-01) or an instant with an offset"
                    + " (2026-11-01T00:00:00Z), was '" + value + "'");
        }
    }
}
