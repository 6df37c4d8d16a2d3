package org.sahaya.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.sahaya.loadtest.run.RunResult;
import org.sahaya.loadtest.alerts.IncidentCheck;
import org.sahaya.loadtest.metrics.StageLatency;

class ReportTest {

    private static RunResult result(String label, int rate, long micros, Map<String, Long> errors) {
        Histogram h = new Histogram(1, 60_000_000, 3);
        long ok = rate * 20L - errors.values().stream().mapToLong(Long::longValue).sum();
        h.recordValueWithCount(micros, ok);
        return new RunResult(label, rate, Duration.ofSeconds(20), rate * 20L, ok, errors, h, rate, Map.of("timeout", 1L));
    }

    private static RatePoint point(int rate, long ourMicros, Map<String, Long> errors) {
        return new RatePoint(rate, result("sahaya", rate, ourMicros, errors), result("baseline", rate, 500, Map.of()),
                List.of(new StageLatency("ack", rate * 20L, 1.2, 4.5)),
                new IncidentCheck.Result(200, 200, Map.of(), Map.of("FALL→QUEUED", 3, "TEST→RECORDED", 197)));
    }

    private final Report report = new Report("java ... --rate 100,200,400", Instant.parse("2026-11-23T14:00:00Z"),
            new Machine("AMD EPYC", 2, 24_000, "Linux", "OpenJDK 25"), "0.5 0.4 0.3", "1.9 1.0 0.5",
            "20 s measured per rate after 5 s warm-up",
            List.of(point(100, 2_000, Map.of()), point(200, 4_000, Map.of()), point(400, 30_000, Map.of("http 503", 2L))));

    @Test
    void namesTheHighestRateThatMetTheAckBudget() {
        assertThat(report.asText()).contains("Highest rate with ack p99 ≤ 10 ms and no errors: 200/s");
        assertThat(report.asMarkdown()).contains("**Highest rate with ack p99 ≤ 10 ms and no errors: 200/s**");
    }

    @Test
    void showsOurLatencyAsARatioToTheBaselineAndTheNodesStages() {
        String md = report.asMarkdown();

        assertThat(md).contains("| 200 | sahaya | 4000 | 4000 | 0 | 4.00 | 4.00 | 4.00 | 4.00 | 4.00 | 200.0 | 8.0× | yes |");
        assertThat(md).contains("| 200 | baseline | 4000 | 4000 | 0 | 0.50 |");
        assertThat(md).contains("| 400 | ack | 8000 | 1.20 | 4.50 |");
        assertThat(md).contains("| 400 | http 503 2 | timeout 1 | 200/200 | holds | FALL→QUEUED 3, TEST→RECORDED 197 |");
        assertThat(md).contains("Command: `java ... --rate 100,200,400`");
    }
}
