package org.sahaya.server.admin.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.persistence.Database;

/**
 * Storage limitation (DPDP Act s. 8(7), GDPR art. 5(1)(e)): purges the personal data of incidents that
 * finished (closed, cancelled, recorded) more than the retention period ago ({@code SAHAYA_RETENTION_DAYS}),
 * by their last change, with {@link IncidentPurge}, in batches of {@value #BATCH} incidents per
 * transaction. An incident is purged once ({@code personal_data_purged_at}), so each run counts only
 * what it removed. The subscriber's own record is not touched: it is kept while they are served.
 * Blocking.
 */
public final class Retention {

    static final int BATCH = 200;

    private static final List<String> FINISHED = Arrays.stream(IncidentState.values())
            .filter(s -> !s.isOpen()).map(Enum::name).toList();

    private final Database database;
    private final Duration period;

    public Retention(Database database, Duration period) {
        this.database = database;
        this.period = period;
    }

    /** What one run purged, and the bound it purged before. */
    public record Purged(Instant before, Map<String, Integer> counts) {

        public int incidents() {
            return counts.getOrDefault("incidents", 0);
        }

        /** The audit record: the date bound and the counts. */
        public String auditRecord() {
            return "retention/closed-before/" + before + " purged " + IncidentPurge.said(counts);
        }
    }

    /** Purges every finished incident older than the period at {@code now}. */
    public Purged purge(Instant now) {
        Instant before = now.minus(period);
        Map<String, Integer> total = new LinkedHashMap<>();
        while (true) {
            Map<String, Integer> batch = database.inTransaction(c -> {
                List<String> due = Rows.strings(c, "SELECT id FROM incidents WHERE state IN (" + Rows.marks(FINISHED.size())
                        + ") AND updated_at < ? AND personal_data_purged_at IS NULL ORDER BY updated_at, id"
                        + " FETCH FIRST " + BATCH + " ROWS ONLY", args(before));
                return IncidentPurge.purge(c, due, now);
            });
            total = IncidentPurge.add(total, batch);
            if (batch.getOrDefault("incidents", 0) < BATCH) {
                return new Purged(before, total);
            }
        }
    }

    private static Object[] args(Instant before) {
        Object[] args = FINISHED.toArray(new Object[FINISHED.size() + 1]);
        args[FINISHED.size()] = before.atOffset(ZoneOffset.UTC);
        return args;
    }
}
