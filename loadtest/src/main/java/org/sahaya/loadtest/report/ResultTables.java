package org.sahaya.loadtest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.sahaya.loadtest.run.LatencySummary;
import org.sahaya.loadtest.run.RunResult;
import org.sahaya.loadtest.metrics.StageLatency;

/** The result tables, the same cells for the terminal and for the docs. */
public final class ResultTables {

    private ResultTables() {
    }

    /** Devices' view: intended send → answer, per rate and target. */
    public static Table latency(List<RatePoint> points) {
        List<List<String>> rows = new ArrayList<>();
        for (RatePoint p : points) {
            if (p.baseline() != null) {
                rows.add(latencyRow(p.rate(), p.baseline(), "–", "–"));
            }
            rows.add(latencyRow(p.rate(), p.node(), Double.isNaN(p.p99Ratio()) ? "–" : fixed(p.p99Ratio(), 1) + "×",
                    p.meetsAckBudget() ? "yes" : "NO"));
        }
        return new Table(List.of("rate/s", "target", "scheduled", "ok", "errors", "p50 ms", "p90 ms", "p99 ms",
                "p99.9 ms", "max ms", "achieved/s", "p99 ÷ baseline", "ack p99 ≤ 10 ms"), rows);
    }

    /** The node's own stage timers over each measured period. */
    public static Table stages(List<RatePoint> points) {
        List<List<String>> rows = new ArrayList<>();
        for (RatePoint p : points) {
            for (StageLatency s : p.stages()) {
                rows.add(List.of(Integer.toString(p.rate()), s.stage(), Long.toString(s.count()), ms(s.p50Ms()),
                        ms(s.p99Ms())));
            }
        }
        return new Table(List.of("rate/s", "stage", "count", "p50 ms (est.)", "p99 ms (est.)"), rows);
    }

    /** Errors by kind and the incident invariant, per rate. */
    public static Table checks(List<RatePoint> points) {
        List<List<String>> rows = new ArrayList<>();
        for (RatePoint p : points) {
            var check = p.incidents();
            String verdict = check.checked() == 0 ? "not checked"
                    : check.holds() ? "holds" : "BROKEN " + check.missing();
            rows.add(List.of(Integer.toString(p.rate()), errors(p.node().errors()), errors(p.node().warmupErrors()),
                    check.found() + "/" + check.checked(), verdict, tally(check.states())));
        }
        return new Table(List.of("rate/s", "node errors", "warm-up errors", "incidents found", "invariant",
                "sampled alerts: type→incident state"), rows);
    }

    /** "400/s", or a sentence when no rate met the budget. */
    public static String highestWithinBudget(List<RatePoint> points) {
        return points.stream().filter(RatePoint::meetsAckBudget).mapToInt(RatePoint::rate).max()
                .stream().mapToObj(r -> r + "/s").findFirst().orElse("none of the rates tried");
    }

    private static List<String> latencyRow(int rate, RunResult r, String ratio, String budget) {
        LatencySummary l = r.latency();
        return List.of(Integer.toString(rate), r.label(), Long.toString(r.scheduled()), Long.toString(r.ok()),
                Long.toString(r.errorCount()), ms(l.p50Ms()), ms(l.p90Ms()), ms(l.p99Ms()), ms(l.p999Ms()),
                ms(l.maxMs()), fixed(r.achievedPerSecond(), 1), ratio, budget);
    }

    private static String errors(Map<String, Long> errors) {
        return errors.isEmpty() ? "none" : new TreeMap<>(errors).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String tally(Map<String, Integer> states) {
        return states.isEmpty() ? "–" : new TreeMap<>(states).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    static String ms(double ms) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        return fixed(ms, ms < 10 ? 2 : ms < 100 ? 1 : 0);
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
