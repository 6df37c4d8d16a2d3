package org.sahaya.server.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What an auditor asks of the log: one page, newest first, of the entries matching every filter given.
 *
 * @param actor  exactly this actor; null for any
 * @param record exactly this record, or, when it ends with {@code *}, every record starting with what
 *               comes before the star ({@code subscribers/S-0500*}); null for any
 * @param from   entries at or after this instant (to the microsecond, as stored); null for no lower bound
 * @param to     entries before this instant (to the microsecond, rounded up); null for no upper bound
 * @param before entries with a smaller seq than this (the previous page's {@link AuditPage#next()}); null
 *               for the newest
 * @param limit  at most this many entries, 1 to {@value #MAX_LIMIT}
 */
public record AuditSearch(String actor, String record, Instant from, Instant to, Long before, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public AuditSearch {
        // The log keeps microseconds: bounds finer than that would fall between stored instants.
        from = from == null ? null : from.truncatedTo(ChronoUnit.MICROS);
        to = to == null || to.getNano() % 1_000 == 0 ? to : to.truncatedTo(ChronoUnit.MICROS).plusNanos(1_000);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
        if (before != null && before < 1) {
            throw new IllegalArgumentException("cursor must be a positive seq");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** Whether {@link #record} asks for a prefix. */
    public boolean recordPrefix() {
        return record != null && record.endsWith("*");
    }
}
