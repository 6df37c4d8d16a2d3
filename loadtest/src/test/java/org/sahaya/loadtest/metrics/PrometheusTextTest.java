package org.sahaya.loadtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahaya.core.metrics.Stage;
import org.sahaya.core.metrics.StageTimers;

class PrometheusTextTest {

    @Test
    void readsTheStageTimersExactlyAsTheNodeExposesThem() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        StageTimers timers = new StageTimers(registry);
        for (int i = 0; i < 985; i++) {
            timers.record(Stage.ACK, Duration.ofMillis(2));
        }
        for (int i = 0; i < 15; i++) {
            timers.record(Stage.ACK, Duration.ofMillis(50));
        }
        timers.record(Stage.TRIAGE, Duration.ofMillis(3));

        Map<String, BucketHistogram> stages = PrometheusText.histograms(registry.scrape(), NodeMetrics.STAGE_METRIC, "stage");

        assertThat(stages).containsKeys("ack", "triage", "dispatch_decided", "first_notification");
        BucketHistogram ack = stages.get("ack");
        assertThat(ack.count()).isEqualTo(1000);
        // Bucket estimates: right bucket, not the exact value.
        assertThat(ack.quantile(0.50) * 1000).isBetween(1.7, 2.2);
        assertThat(ack.quantile(0.99) * 1000).isBetween(40.0, 60.0);
        assertThat(stages.get("triage").count()).isEqualTo(1);
        assertThat(stages.get("dispatch_decided").quantile(0.5)).isNaN();
    }

    @Test
    void groupsByTheLabelAndAddsSeriesThatDifferOnlyInOthers() {
        String exposition = """
                # HELP sahaya_stage_seconds Time from alert received to the end of this stage
                # TYPE sahaya_stage_seconds histogram
                sahaya_stage_seconds_bucket{node="a",stage="ack",le="0.001"} 3
                sahaya_stage_seconds_bucket{node="a",stage="ack",le="+Inf"} 4
                sahaya_stage_seconds_bucket{node="b",stage="ack",le="0.001"} 1.0
                sahaya_stage_seconds_bucket{node="b",stage="ack",le="+Inf"} 2.0 1700000000000
                sahaya_stage_seconds_count{node="a",stage="ack"} 4
                sahaya_stage_seconds_bucket{stage="weird \\"quoted\\", label",le="+Inf"} 7
                other_metric_bucket{stage="ack",le="+Inf"} 99
                """;

        Map<String, BucketHistogram> stages = PrometheusText.histograms(exposition, "sahaya_stage_seconds", "stage");

        assertThat(stages.get("ack").buckets()).containsExactly(
                new BucketHistogram.Bucket(0.001, 4), new BucketHistogram.Bucket(Double.POSITIVE_INFINITY, 6));
        assertThat(stages.get("weird \"quoted\", label").count()).isEqualTo(7);
        assertThat(stages).hasSize(2);
    }

    @Test
    void stageLatencyOfARunComesFromTheDifferenceOfTwoScrapes() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        StageTimers timers = new StageTimers(registry);
        for (int i = 0; i < 100; i++) {
            timers.record(Stage.ACK, Duration.ofSeconds(2)); // before the run: slow, must not count
        }
        Map<String, BucketHistogram> before = PrometheusText.histograms(registry.scrape(), NodeMetrics.STAGE_METRIC, "stage");
        for (int i = 0; i < 100; i++) {
            timers.record(Stage.ACK, Duration.ofMillis(3));
        }
        Map<String, BucketHistogram> after = PrometheusText.histograms(registry.scrape(), NodeMetrics.STAGE_METRIC, "stage");

        List<StageLatency> stages = StageLatency.between(before, after);

        assertThat(stages).extracting(StageLatency::stage)
                .containsExactly("ack", "triage", "dispatch_decided", "first_notification", "job_handed");
        assertThat(stages.getFirst().count()).isEqualTo(100);
        assertThat(stages.getFirst().p99Ms()).isBetween(2.5, 3.5);
        assertThat(stages.get(1).count()).isZero();
    }
}
