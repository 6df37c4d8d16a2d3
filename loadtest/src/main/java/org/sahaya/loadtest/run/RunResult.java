package org.sahaya.loadtest.run;

import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one open-loop run measured, warm-up excluded. Every scheduled request ends up either
 * {@code ok} or under one error kind, so {@code ok + errorCount() == scheduled}.
 *
 * @param label             what was measured ("sahaya", "baseline")
 * @param ratePerSecond     the intended arrival rate
 * @param duration          the measured period
 * @param scheduled         requests intended in the measured period ({@code rate × duration})
 * @param ok                answered 2xx; their latencies are in {@code latencyMicros}
 * @param errors            count per kind: {@code http 503}, {@code overload}, {@code timeout}, {@code unfinished}, …
 * @param latencyMicros     intended send time to answer, microseconds
 * @param achievedPerSecond 2xx answers per second of the measured period (until the last answer)
 * @param warmupErrors      errors by kind during the warm-up: not part of the result, but worth a look
 */
public record RunResult(String label, int ratePerSecond, Duration duration, long scheduled, long ok,
                        Map<String, Long> errors, Histogram latencyMicros, double achievedPerSecond,
                        Map<String, Long> warmupErrors) {

    public RunResult {
        errors = Map.copyOf(errors);
        warmupErrors = Map.copyOf(warmupErrors);
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    public LatencySummary latency() {
        return LatencySummary.of(latencyMicros);
    }
}
