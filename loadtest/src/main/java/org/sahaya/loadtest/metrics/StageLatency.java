package org.sahaya.loadtest.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sahaya.core.metrics.Stage;

/**
 * The node's own timing of one hot-path stage over a run (received → end of stage), estimated from
 * its Prometheus buckets; see {@link BucketHistogram#quantile}.
 */
public record StageLatency(String stage, long count, double p50Ms, double p99Ms) {

    /** Every {@link Stage}, in hot-path order, from the difference of two scrapes. */
    public static List<StageLatency> between(Map<String, BucketHistogram> before, Map<String, BucketHistogram> after) {
        List<StageLatency> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            BucketHistogram end = after.get(stage.tag());
            if (end == null) {
                stages.add(new StageLatency(stage.tag(), 0, Double.NaN, Double.NaN));
                continue;
            }
            BucketHistogram run = end.minus(before.getOrDefault(stage.tag(), new BucketHistogram(List.of())));
            stages.add(new StageLatency(stage.tag(), run.count(), run.quantile(0.50) * 1000, run.quantile(0.99) * 1000));
        }
        return stages;
    }
}
