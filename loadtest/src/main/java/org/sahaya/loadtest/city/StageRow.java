package org.sahaya.loadtest.city;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sahaya.core.metrics.Stage;
import org.sahaya.loadtest.metrics.BucketHistogram;

/**
 * One of the node's stage timers over a city run (received → end of the stage), estimated from its
 * Prometheus buckets, beside DESIGN.md's p99 goal for it.
 *
 * @param budgetMs the p99 goal, NaN for a stage without one
 */
public record StageRow(String stage, long count, double p50Ms, double p99Ms, double p999Ms, double budgetMs) {

    /** DESIGN.md's latency budgets (p99 on one 2-core machine). */
    static double budget(Stage stage) {
        return switch (stage) {
            case ACK -> 10;
            case DISPATCH_DECIDED -> 20;
            case FIRST_NOTIFICATION -> 100;
            case JOB_HANDED -> 50;
            case TRIAGE -> Double.NaN;
        };
    }

    /** Within its budget (true for stages without one, or that saw nothing). */
    public boolean withinBudget() {
        return Double.isNaN(budgetMs) || count == 0 || p99Ms <= budgetMs;
    }

    /** Every {@link Stage} in hot-path order, from the difference of two scrapes. */
    public static List<StageRow> between(Map<String, BucketHistogram> before, Map<String, BucketHistogram> after) {
        List<StageRow> rows = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            BucketHistogram end = after.get(stage.tag());
            BucketHistogram run = end == null ? new BucketHistogram(List.of())
                    : end.minus(before.getOrDefault(stage.tag(), new BucketHistogram(List.of())));
            boolean empty = run.count() == 0;
            rows.add(new StageRow(stage.tag(), run.count(), empty ? Double.NaN : run.quantile(0.50) * 1000,
                    empty ? Double.NaN : run.quantile(0.99) * 1000, empty ? Double.NaN : run.quantile(0.999) * 1000,
                    budget(stage)));
        }
        return rows;
    }
}
