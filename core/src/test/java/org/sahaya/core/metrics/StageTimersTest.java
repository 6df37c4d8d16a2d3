package org.sahaya.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each stage's timer has a bucket at every latency budget, for the alert rules and the dashboard. */
class StageTimersTest {

    @Test
    void everyStageHasABucketAtEachBudget() {
        StageTimers timers = new StageTimers(new SimpleMeterRegistry());
        timers.record(Stage.DISPATCH_DECIDED, Duration.ofMillis(15));

        for (Stage stage : Stage.values()) {
            double[] bounds = Arrays.stream(timers.timer(stage).takeSnapshot().histogramCounts())
                    .mapToDouble(b -> b.bucket(TimeUnit.MILLISECONDS)).toArray();
            assertThat(bounds).as(stage.tag()).contains(10, 20, 50, 100);
        }
        CountAtBucket[] decided = timers.timer(Stage.DISPATCH_DECIDED).takeSnapshot().histogramCounts();
        assertThat(Arrays.stream(decided).filter(b -> b.bucket(TimeUnit.MILLISECONDS) == 20).findFirst().orElseThrow()
                .count()).isEqualTo(1);
        assertThat(Arrays.stream(decided).filter(b -> b.bucket(TimeUnit.MILLISECONDS) == 10).findFirst().orElseThrow()
                .count()).isZero();
    }
}
