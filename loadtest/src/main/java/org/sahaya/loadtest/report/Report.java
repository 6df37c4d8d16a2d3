package org.sahaya.loadtest.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The whole report of one invocation, for the terminal or as a markdown section of
 * a file under {@code docs/benchmarks/}.
 *
 * @param command     the exact command line, so anyone can run it again
 * @param startedAt   when the first run started
 * @param machine     what it ran on
 * @param loadBefore  the machine's load average before the first run
 * @param loadAfter   and after the last
 * @param runShape    e.g. "30 s measured per rate after 5 s warm-up"
 */
public record Report(String command, Instant startedAt, Machine machine, String loadBefore, String loadAfter,
                     String runShape, List<RatePoint> points) {

    private static final String LATENCY_NOTE = "Latency: intended send time → 202 answer, as the devices "
            + "see it (open loop, no coordinated omission), HdrHistogram.";
    private static final String STAGE_NOTE = "Node's stage timers: received → end of stage, estimated from "
            + "its Prometheus buckets over the measured period (interpolated within a bucket; buckets start at 1 ms).";

    public String asText() {
        return "Sahaya load test, " + startedAt.truncatedTo(ChronoUnit.SECONDS) + "\n"
                + "machine: " + machine.describe() + "\n"
                + "load average before/after: " + loadBefore + " / " + loadAfter + "\n"
                + runShape + "\n\n"
                + LATENCY_NOTE + "\n" + ResultTables.latency(points).asText("  ") + "\n"
                + STAGE_NOTE + "\n" + ResultTables.stages(points).asText("  ") + "\n"
                + "Errors and the incident invariant (every 202'd alert's incident exists):\n"
                + ResultTables.checks(points).asText("  ") + "\n"
                + "Highest rate with ack p99 ≤ 10 ms and no errors: " + ResultTables.highestWithinBudget(points) + "\n";
    }

    public String asMarkdown() {
        return "### Run of " + startedAt.truncatedTo(ChronoUnit.SECONDS) + "\n\n"
                + "- Machine: " + machine.describe() + "\n"
                + "- Load average (1/5/15 min) before / after: " + loadBefore + " / " + loadAfter + "\n"
                + "- " + runShape + "\n"
                + "- Command: `" + command + "`\n\n"
                + LATENCY_NOTE + "\n\n" + ResultTables.latency(points).asMarkdown() + "\n"
                + "**Highest rate with ack p99 ≤ 10 ms and no errors: "
                + ResultTables.highestWithinBudget(points) + "**\n\n"
                + STAGE_NOTE + "\n\n" + ResultTables.stages(points).asMarkdown() + "\n"
                + "Errors and the incident invariant (every 202'd alert's incident exists, checked on a sample):\n\n"
                + ResultTables.checks(points).asMarkdown();
    }
}
