package org.sahaya.server.report.sla;

import java.util.List;
import org.sahaya.server.report.sla.SlaReport.Breach;
import org.sahaya.server.report.sla.SlaReport.Group;

/**
 * A report as CSV (RFC 4180, CRLF line ends): one row per group with its figures, the row of all groups
 * ({@code ALL}) last, then an empty line and the breaches, one row each. Seconds and shares as in the
 * JSON; an empty cell where the JSON has null.
 */
public final class SlaCsv {

    static final List<String> GROUP_HEADER = List.of("group", "incidents", "accepted_p50_s", "accepted_p90_s",
            "accepted_max_s", "accepted_share_under_target", "family_measured", "family_p50_s", "family_p90_s",
            "family_max_s", "family_share_under_target", "on_scene_p50_s", "on_scene_p90_s", "on_scene_max_s",
            "pre_arrival_measured", "pre_arrival_lead_p50_s", "sla_met", "sla_share", "sla_meets_target");
    static final List<String> BREACH_HEADER = List.of("group", "incident_id", "opened_at", "target", "seconds", "cause");

    private SlaCsv() {
    }

    public static String write(SlaReport report) {
        StringBuilder out = new StringBuilder();
        row(out, GROUP_HEADER);
        for (Group g : report.groups()) {
            group(out, g);
        }
        group(out, report.total());
        out.append("\r\n");
        row(out, BREACH_HEADER);
        for (Group g : report.groups()) {
            for (Breach b : g.breaches()) {
                row(out, List.of(g.key(), b.incidentId(), b.openedAt().toString(), b.target().name(), number(b.seconds()),
                        b.cause().name()));
            }
        }
        return out.toString();
    }

    private static void group(StringBuilder out, Group g) {
        row(out, List.of(g.key(), Integer.toString(g.incidents()),
                number(g.accepted().p50Seconds()), number(g.accepted().p90Seconds()), number(g.accepted().maxSeconds()),
                number(g.accepted().shareUnderTarget()),
                Integer.toString(g.familyDelivered().measured()), number(g.familyDelivered().p50Seconds()),
                number(g.familyDelivered().p90Seconds()), number(g.familyDelivered().maxSeconds()),
                number(g.familyDelivered().shareUnderTarget()),
                number(g.onScene().p50Seconds()), number(g.onScene().p90Seconds()), number(g.onScene().maxSeconds()),
                Integer.toString(g.preArrivalLead().measured()), number(g.preArrivalLead().p50Seconds()),
                Integer.toString(g.sla().met()), number(g.sla().share()), Boolean.toString(g.sla().meetsTarget())));
    }

    /** A number as the JSON writes it (no exponent), or empty for none. */
    static String number(Double value) {
        if (value == null) {
            return "";
        }
        String s = new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** Quotes a cell that holds a comma, a quote or a line end; defuses one a spreadsheet would run as a formula. */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
