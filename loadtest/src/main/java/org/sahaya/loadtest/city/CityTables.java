package org.sahaya.loadtest.city;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.sahaya.loadtest.run.LatencySummary;
import org.sahaya.loadtest.run.RunResult;
import org.sahaya.loadtest.report.Table;

/** The city scenario's result tables, the same cells for the terminal and the docs. */
public final class CityTables {

    private CityTables() {
    }

    /** Every stream of every target: intended send → answer. */
    public static Table streams(List<CityPoint> points) {
        List<List<String>> rows = new ArrayList<>();
        for (CityPoint p : points) {
            add(rows, p.alertRate(), p.baseline());
            add(rows, p.alertRate(), p.reference());
            add(rows, p.alertRate(), p.node());
        }
        return new Table(List.of("alerts/s", "target", "stream", "rate/s", "scheduled", "ok", "errors", "p50 ms", "p99 ms",
                "p99.9 ms", "max ms", "achieved/s"), rows);
    }

    /** The node's stage timers, with DESIGN.md's goals. */
    public static Table stages(List<CityPoint> points) {
        List<List<String>> rows = new ArrayList<>();
        for (CityPoint p : points) {
            for (StageRow s : p.stages()) {
                rows.add(List.of(Integer.toString(p.alertRate()), s.stage(), Long.toString(s.count()), ms(s.p50Ms()),
                        ms(s.p99Ms()), ms(s.p999Ms()), Double.isNaN(s.budgetMs()) ? "–" : "≤ " + ms(s.budgetMs()),
                        Double.isNaN(s.budgetMs()) ? "–" : s.count() == 0 ? "no data" : s.withinBudget() ? "yes" : "NO"));
            }
        }
        return new Table(List.of("alerts/s", "stage (received →)", "count", "p50 ms", "p99 ms", "p99.9 ms", "p99 goal",
                "met"), rows);
    }

    /** The invariants, per rate. */
    public static Table invariants(List<CityPoint> points) {
        List<List<String>> rows = new ArrayList<>();
        for (CityPoint p : points) {
            InvariantCheck.Result r = p.invariants();
            PushedReadback.Result pushed = r.pushed();
            rows.add(List.of(Integer.toString(p.alertRate()),
                    r.acknowledgedFound() + "/" + r.acknowledgedChecked() + (r.missing().isEmpty() ? "" : " missing " + r.missing()),
                    pushed.checked() == 0 ? "–" : pushed.found() + "/" + pushed.checked()
                            + (pushed.missing().isEmpty() ? "" : " missing " + pushed.missing())
                            + (pushed.complete() ? "" : " (over " + InvariantCheck.MAX_LISTED + " incidents in a state: not all read)"),
                    r.unitsTwice().isEmpty() ? "none (" + r.openIncidents() + " open)" : "BROKEN " + r.unitsTwice(),
                    r.duplicateMessages().isEmpty() ? "none (" + r.incidentsRead() + " incidents)" : "BROKEN " + first(r.duplicateMessages()),
                    r.holds() ? "hold" : "BROKEN"));
        }
        return new Table(List.of("alerts/s", "acknowledged alerts found (HTTP sample)",
                "MQTT/DC-09 emergencies found in incidents", "unit on two open incidents",
                "duplicate family message", "invariants"), rows);
    }

    /** The node's errors by kind per stream, measured and in the warm-up, and where sampled alerts ended up. */
    public static Table errors(List<CityPoint> points) {
        List<List<String>> rows = new ArrayList<>();
        for (CityPoint p : points) {
            for (StreamResult s : p.node()) {
                if (!s.result().errors().isEmpty() || !s.result().warmupErrors().isEmpty()) {
                    rows.add(List.of(Integer.toString(p.alertRate()), s.plan().name(), kinds(s.result().errors()),
                            kinds(s.result().warmupErrors())));
                }
            }
            rows.add(List.of(Integer.toString(p.alertRate()), "sampled HTTP alerts: type→state",
                    tally(p.invariants().states()), "–"));
            if (!p.crews().isEmpty()) {
                rows.add(List.of(Integer.toString(p.alertRate()), "crews: status reports (fleet API)", tally(p.crews()), "–"));
            }
        }
        return new Table(List.of("alerts/s", "stream", "errors", "warm-up errors"), rows);
    }

    /**
     * The highest alert rate at which every goal held on the node's stamps, and at every lower rate
     * tried as well (a rate that passes above one that failed is not "sustained"), or a sentence when none.
     */
    public static String highestWithinBudgets(List<CityPoint> points) {
        return highest(points, CityPoint::meetsBudgets);
    }

    /** {@link #highestWithinBudgets}, counting the device ack from the devices' side. */
    public static String highestWithinBudgetsFromDevices(List<CityPoint> points) {
        return highest(points, CityPoint::meetsBudgetsFromDevices);
    }

    private static String highest(List<CityPoint> points, java.util.function.Predicate<CityPoint> met) {
        java.util.TreeMap<Integer, Boolean> metByRate = new java.util.TreeMap<>();
        points.forEach(p -> metByRate.merge(p.alertRate(), met.test(p), Boolean::logicalAnd));
        return highestSustained(metByRate);
    }

    /** The highest rate that met its goals with every lower rate meeting them too, as a sentence. */
    static String highestSustained(java.util.SortedMap<Integer, Boolean> metByRate) {
        Integer highest = null;
        for (var rate : metByRate.entrySet()) {
            if (!rate.getValue()) {
                break;
            }
            highest = rate.getKey();
        }
        return highest == null ? "none of the rates tried" : highest + " alerts/s";
    }

    private static void add(List<List<String>> rows, int alertRate, List<StreamResult> results) {
        for (StreamResult s : results) {
            RunResult r = s.result();
            LatencySummary l = r.latency();
            rows.add(List.of(Integer.toString(alertRate), r.label().split(" ")[0], s.plan().name(),
                    Integer.toString(s.plan().rate()), Long.toString(r.scheduled()), Long.toString(r.ok()),
                    Long.toString(r.errorCount()), ms(l.p50Ms()), ms(l.p99Ms()), ms(l.p999Ms()), ms(l.maxMs()),
                    String.format(Locale.ROOT, "%.1f", r.achievedPerSecond())));
        }
    }

    private static String first(Map<String, List<String>> map) {
        return map.size() + " incidents, e.g. " + map.entrySet().iterator().next();
    }

    private static String kinds(Map<String, Long> errors) {
        return errors.isEmpty() ? "none" : new TreeMap<>(errors).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String tally(Map<String, Integer> states) {
        return states.isEmpty() ? "–" : states.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    static String ms(double ms) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%." + (ms < 10 ? 2 : ms < 100 ? 1 : 0) + "f", ms);
    }
}
