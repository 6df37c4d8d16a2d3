package org.sahaya.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Latency timers of the hot path, one per {@link Stage}, with histogram buckets for p99 in Prometheus and a
 * bucket at each budget ({@link #BUDGETS}: 10, 20, 50, 100 ms), so that the share of alerts within a budget
 * is read exactly ({@code le="0.02"}) rather than interpolated.
 */
public final class StageTimers {

    public static final String NAME = "sahaya.stage";
    /** The latency budgets of DESIGN.md, as bucket boundaries. */
    public static final Duration[] BUDGETS = {Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50),
            Duration.ofMillis(100)};

    private final Map<Stage, Timer> timers = new EnumMap<>(Stage.class);

    public StageTimers(MeterRegistry registry) {
        for (Stage s : Stage.values()) {
            timers.put(s, Timer.builder(NAME)
                    .description("Time from alert received to the end of this stage")
                    .tag("stage", s.tag())
                    .publishPercentileHistogram()
                    .serviceLevelObjectives(BUDGETS)
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry));
        }
    }

    public void record(Stage stage, Duration elapsed) {
        timers.get(stage).record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }

    public Timer timer(Stage stage) {
        return timers.get(stage);
    }
}
