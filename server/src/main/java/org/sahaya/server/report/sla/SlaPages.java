package org.sahaya.server.report.sla;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.sahaya.server.report.sla.SlaReport.Breach;
import org.sahaya.server.report.sla.SlaReport.Durations;
import org.sahaya.server.report.sla.SlaReport.Group;

/**
 * The monthly report as short HTML pages, one per partner (each fleet, hospital and corporate client with
 * incidents in the month) and one for the operator: the figures, the breaches, and the plots (histograms of
 * alert to unit accepted and to family reached against their targets, the weekly SLA share) embedded as
 * {@code data:} URIs. Every figure comes from {@link SlaCalculator}, as the API's.
 */
public final class SlaPages {

    private final SlaCalculator calculator;
    private final String cityName;

    public SlaPages(SlaCalculator calculator, String cityName) {
        this.calculator = calculator;
        this.cityName = cityName;
    }

    /** File name to page: {@code operator.html}, {@code fleet-<id>.html}, {@code hospital-<id>.html}, {@code client-<id>.html}. */
    public Map<String, String> pages(List<SlaFacts> facts, YearMonth month, SlaPeriod period) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("operator.html", page("Operator: all incidents, by fleet", facts, month, period, SlaGrouping.FLEET, null));
        for (SlaGrouping kind : List.of(SlaGrouping.FLEET, SlaGrouping.HOSPITAL, SlaGrouping.CLIENT)) {
            List<IncidentMeasure> all = calculator.measures(facts, kind, null);
            TreeSet<String> keys = new TreeSet<>(all.stream().map(m -> m.key(kind, java.time.ZoneOffset.UTC))
                    .filter(k -> !k.equals(SlaGrouping.NONE)).toList());
            for (String key : keys) {
                pages.put(kind.parameter() + "-" + fileSafe(key) + ".html",
                        page(title(kind) + " " + key, facts, month, period, kind, key));
            }
        }
        return pages;
    }

    private String page(String who, List<SlaFacts> facts, YearMonth month, SlaPeriod period, SlaGrouping grouping,
                        String only) {
        SlaReport report = calculator.report(facts, period.from(), period.to(), grouping, only);
        List<IncidentMeasure> measures = calculator.measures(facts, grouping, only);
        SlaReport.Targets t = report.targets();
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Sahaya service levels ").append(month).append(" - ").append(esc(who)).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}")
                .append("table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #ccc;padding:.2rem .5rem;")
                .append("text-align:right}th:first-child,td:first-child{text-align:left}.miss{color:#c62828}")
                .append("img{max-width:100%}</style></head><body>\n");
        h.append("<h1>Service levels, ").append(month).append(", ").append(esc(cityName)).append("</h1>\n");
        h.append("<p>").append(esc(who)).append(". Incidents opened from ").append(period.from()).append(" until ")
                .append(period.to()).append(" (UTC). Targets: a unit accepted within ").append(t.acceptedSeconds() / 60)
                .append(" minutes of the alert, the family reached within ").append(t.familyDeliveredSeconds() / 60)
                .append(" minutes, both met for at least ").append(Math.round(t.slaShare() * 100)).append("% of incidents.</p>\n");
        h.append("<h2>Figures</h2>\n<table><tr><th>").append(esc(report.groupBy())).append("</th><th>incidents</th>")
                .append("<th>accepted p50 / p90 / max (min)</th><th>accepted &lt; ").append(t.acceptedSeconds() / 60)
                .append(" min</th><th>family &lt; ").append(t.familyDeliveredSeconds() / 60).append(" min</th>")
                .append("<th>on scene p50 / p90 / max (min)</th><th>pre-arrival lead p50 (min)</th><th>SLA share</th></tr>\n");
        for (Group g : report.groups()) {
            row(h, g);
        }
        if (report.groups().size() > 1) {
            row(h, report.total());
        }
        h.append("</table>\n");
        h.append("<h2>Plots</h2>\n");
        image(h, SlaCharts.histogram("Alert to unit accepted", minutes(measures, IncidentMeasure::acceptedMs),
                t.acceptedSeconds() / 60.0), "histogram of alert to unit accepted");
        image(h, SlaCharts.histogram("Alert to first family message delivered",
                minutes(measures, IncidentMeasure::familyMs), t.familyDeliveredSeconds() / 60.0),
                "histogram of alert to family message delivered");
        image(h, SlaCharts.weeklyTrend("SLA share by week", calculator.weeks(measures), t.slaShare()),
                "weekly SLA share");
        List<Breach> breaches = report.groups().stream().flatMap(g -> g.breaches().stream())
                .sorted(java.util.Comparator.comparing(Breach::openedAt).thenComparing(Breach::incidentId)).toList();
        h.append("<h2>Breaches (").append(breaches.size()).append(")</h2>\n");
        if (!breaches.isEmpty()) {
            h.append("<table><tr><th>incident</th><th>opened</th><th>target</th><th>took (min)</th><th>cause</th></tr>\n");
            for (Breach b : breaches) {
                h.append("<tr><td>").append(esc(b.incidentId())).append("</td><td>").append(b.openedAt()).append("</td><td>")
                        .append(b.target()).append("</td><td>").append(b.seconds() == null ? "never" : min(b.seconds()))
                        .append("</td><td>").append(b.cause()).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<p><small>Made by sahaya report sla from the node's database; the same figures as GET /api/v1/reports/sla.")
                .append(" Incidents of subscribers who withdrew consent to anonymous statistics are not counted.</small></p>\n")
                .append("</body></html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, Group g) {
        h.append("<tr><td>").append(esc(g.key())).append("</td><td>").append(g.incidents()).append("</td><td>")
                .append(triple(g.accepted())).append("</td><td>").append(percent(g.accepted().shareUnderTarget()))
                .append("</td><td>").append(percent(g.familyDelivered().shareUnderTarget())).append("</td><td>")
                .append(triple(g.onScene())).append("</td><td>").append(min(g.preArrivalLead().p50Seconds()))
                .append("</td><td").append(g.sla().meetsTarget() ? "" : " class=\"miss\"").append('>')
                .append(percent(g.sla().share())).append("</td></tr>\n");
    }

    private static void image(StringBuilder h, String dataUri, String alt) {
        if (dataUri == null) {
            h.append("<p>No ").append(alt).append(": nothing measured.</p>\n");
        } else {
            h.append("<p><img src=\"").append(dataUri).append("\" alt=\"").append(alt).append("\"></p>\n");
        }
    }

    private static List<Double> minutes(List<IncidentMeasure> measures, Function<IncidentMeasure, Long> value) {
        return measures.stream().map(value).filter(Objects::nonNull).map(ms -> ms / 60_000.0).toList();
    }

    private static String triple(Durations d) {
        return d.measured() == 0 ? "-" : min(d.p50Seconds()) + " / " + min(d.p90Seconds()) + " / " + min(d.maxSeconds());
    }

    private static String min(Double seconds) {
        return seconds == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f", seconds / 60);
    }

    private static String percent(Double share) {
        return share == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String title(SlaGrouping kind) {
        return switch (kind) {
            case FLEET -> "Fleet";
            case HOSPITAL -> "Hospital";
            case CLIENT -> "Corporate client";
            case MONTH -> "Month";
        };
    }

    static String fileSafe(String key) {
        return key.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
