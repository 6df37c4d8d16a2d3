package org.sahaya.loadtest.city;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.sahaya.loadtest.report.Machine;

/** The city scenario's report: as text for the terminal and as a markdown section for the docs. */
public record CityReport(String command, Instant startedAt, Machine machine, String loadBefore, String loadAfter,
                         List<CityPoint> points, Path plot, String warmedBy) {

    /** A report of rates measured on a node that was not warmed up first. */
    public CityReport(String command, Instant startedAt, Machine machine, String loadBefore, String loadAfter,
                      List<CityPoint> points, Path plot) {
        this(command, startedAt, machine, loadBefore, loadAfter, points, plot, null);
    }

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
                + first.scenario().describe() + "\n"
                + (warmedBy == null ? "" : "node warmed up before the first rate: " + warmedBy + "\n")
                + "\n" + STREAM_NOTE + "\n" + CityTables.streams(points).asText("  ") + "\n"
                + STAGE_NOTE + "\n" + CityTables.stages(points).asText("  ") + "\n"
                + "Invariants, read back from the node's API:\n" + CityTables.invariants(points).asText("  ") + "\n"
                + "Errors:\n" + CityTables.errors(points).asText("  ") + "\n"
                + "Highest alert rate with every DESIGN.md goal met (node's stamps; this rate and every lower one): "
                + CityTables.highestWithinBudgets(points) + "\n"
                + "The same with the device ack counted from the devices' side: "
                + CityTables.highestWithinBudgetsFromDevices(points) + "\n";
    }

    public String asMarkdown() {
        CityPoint first = points.getFirst();
        return "### City run of " + startedAt.truncatedTo(ChronoUnit.SECONDS) + "\n\n"
                + "- Machine: " + machine.describe() + "\n"
                + "- Load average (1/5/15 min) before / after: " + loadBefore + " / " + loadAfter + "\n"
                + "- Scenario (per alert rate): " + first.scenario().describe() + "\n"
                + (warmedBy == null ? "" : "- Node warmed up before the first rate: " + warmedBy + "\n")
                + "- Command: `" + command + "`\n\n"
                + "**Highest alert rate with every DESIGN.md goal met, on the node's own stamps as DESIGN.md defines"
                + " them (p99: device ack ≤ 10 ms after receipt, dispatch decided ≤ 20 ms, first notification ≤ 100 ms;"
                + " no errors on any alert stream; invariants intact), at that rate and every lower one tried: "
                + CityTables.highestWithinBudgets(points) + "**\n\n"
                + "Counting the device ack from the devices' side instead (intended send → answer, p99 ≤ 10 ms on every"
                + " alert stream; this adds the network and the load generator's own queueing on the same two cores): "
                + CityTables.highestWithinBudgetsFromDevices(points) + ".\n\n"
                + (plot == null ? "" : "![Latency by percentile](" + plot.getFileName() + ")\n\n")
                + STREAM_NOTE + "\n\n" + CityTables.streams(points).asMarkdown() + "\n"
                + STAGE_NOTE + "\n\n" + CityTables.stages(points).asMarkdown() + "\n"
                + "Invariants, read back from the node's API after the run (acknowledged alerts: a sample of the"
                + " HTTP 202s; units: every open incident; family messages: the sampled and every dispatched"
                + " incident, one per contact, channel and step):\n\n" + CityTables.invariants(points).asMarkdown() + "\n"
                + "Errors by kind:\n\n" + CityTables.errors(points).asMarkdown();
    }
}
