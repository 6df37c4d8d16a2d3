package org.sahaya.loadtest.city;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.sahaya.loadtest.report.Machine;

/** The city scenario's report: as text for the terminal and as a markdown section for the docs. */
public record CityReport(String command, Instant startedAt, Machine machine, String loadBefore, String loadAfter,
                         List<CityPoint> points, Path plot) {

    private static final String STREAM_NOTE = "Every stream is open loop at its constant rate; latency runs from the"
            + " intended send time to the answer (202, 204, 200, PUBACK or DC-09 ACK), in ms, warm-up excluded. The"
            + " baseline and the reference get the HTTP streams only, with the MQTT and DC-09 shares of the alerts sent"
            + " as HTTP; the reference answers an alert after its dispatch transaction commits.";
    private static final String STAGE_NOTE = "The node's own stage timers (received → end of stage) over its measured"
            + " period, estimated from Prometheus buckets; first_notification is the end-to-end stage (alert received →"
            + " first family message handed to the provider).";

    public String asText() {
        CityPoint first = points.getFirst();
        return "Sahaya city scenario, " + startedAt.truncatedTo(ChronoUnit.SECONDS) + "\n"
                + "machine: " + machine.describe() + "\n"
                + "load average before/after: " + loadBefore + " / " + loadAfter + "\n"
                + first.scenario().describe() + "\n\n"
                + STREAM_NOTE + "\n" + CityTables.streams(points).asText("  ") + "\n"
                + STAGE_NOTE + "\n" + CityTables.stages(points).asText("  ") + "\n"
                + "Invariants, read back from the node's API:\n" + CityTables.invariants(points).asText("  ") + "\n"
                + "Errors:\n" + CityTables.errors(points).asText("  ") + "\n"
                + "Highest alert rate with every DESIGN.md goal met: " + CityTables.highestWithinBudgets(points) + "\n";
    }

    public String asMarkdown() {
        CityPoint first = points.getFirst();
        return "### City run of " + startedAt.truncatedTo(ChronoUnit.SECONDS) + "\n\n"
                + "- Machine: " + machine.describe() + "\n"
                + "- Load average (1/5/15 min) before / after: " + loadBefore + " / " + loadAfter + "\n"
                + "- Scenario (per alert rate): " + first.scenario().describe() + "\n"
                + "- Command: `" + command + "`\n\n"
                + "**Highest alert rate with every DESIGN.md goal met (device ack p99 ≤ 10 ms with no errors on every"
                + " alert stream, dispatch decided ≤ 20 ms, first notification ≤ 100 ms, invariants intact): "
                + CityTables.highestWithinBudgets(points) + "**\n\n"
                + (plot == null ? "" : "![Latency by percentile](" + plot.getFileName() + ")\n\n")
                + STREAM_NOTE + "\n\n" + CityTables.streams(points).asMarkdown() + "\n"
                + STAGE_NOTE + "\n\n" + CityTables.stages(points).asMarkdown() + "\n"
                + "Invariants, read back from the node's API after the run (acknowledged alerts: a sample of the"
                + " HTTP 202s; units: every open incident; family messages: the sampled and every dispatched"
                + " incident, one per contact, channel and step):\n\n" + CityTables.invariants(points).asMarkdown() + "\n"
                + "Errors by kind:\n\n" + CityTables.errors(points).asMarkdown();
    }
}
