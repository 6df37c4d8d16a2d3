package org.sahaya.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Latency timers of the hot path, one per {@link Stage}, with histogram buckets for p99 in Prometheus. */
public final class StageTimers {

    public static final String NAME = "sahaya.stage";

    private final Map<Stage, Timer> timers = new EnumMap<>(Stage.class);

    public StageTimers(MeterRegistry registry) {
        for (Stage s : Stage.values()) {
            timers.put(s, Timer.builder(NAME)
                    .description("Time from alert received to the end of this stage")
                    .tag("stage", s.tag())
                    .publishPercentileHistogram()
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
