package org.sahaya.server.http.report;

import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import org.sahaya.core.json.Json;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.access.Access;
import org.sahaya.server.access.Caller;
import org.sahaya.server.access.Role;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.report.sla.SlaCalculator;
import org.sahaya.server.report.sla.SlaCsv;
import org.sahaya.server.report.sla.SlaGrouping;
import org.sahaya.server.report.sla.SlaPeriod;
import org.sahaya.server.report.sla.SlaReader;
import org.sahaya.server.report.sla.SlaReport;

/** {@code GET /api/v1/reports/sla}: reads the period's incidents on the Offload and answers JSON or CSV. */
public final class ReportHandlers {

    private final Database database;
    private final Offload offload;
    private final ZoneId cityZone;
    private final SlaReader reader = new SlaReader();
    private final SlaCalculator calculator;

    /** @param cityZone the city's time zone: dates in the query and months in the report are the city's */
    public ReportHandlers(Database database, Offload offload, ZoneId cityZone) {
        this.database = database;
        this.offload = offload;
        this.cityZone = cityZone;
        this.calculator = new SlaCalculator(SlaReport.Targets.CONTRACT, cityZone);
    }

    public void sla(RoutingContext ctx) {
        SlaPeriod period;
        try {
            period = SlaPeriod.parse(ctx.queryParams().get("from"), ctx.queryParams().get("to"), cityZone);
        } catch (SlaPeriod.Invalid e) {
            Problem.ofField(400, "invalid-parameter", "Invalid parameter", e.getMessage(), e.field()).send(ctx);
            return;
        }
        String groupBy = ctx.queryParams().get("groupBy");
        SlaGrouping grouping = groupBy == null ? SlaGrouping.MONTH : SlaGrouping.ofParameter(groupBy);
        if (grouping == null) {
            Problem.ofField(400, "invalid-parameter", "Invalid parameter",
                    "groupBy must be fleet, hospital, client or month", "groupBy").send(ctx);
            return;
        }
        String format = ctx.queryParams().get("format");
        boolean csv = "csv".equals(format);
        if (format != null && !csv && !"json".equals(format)) {
            Problem.ofField(400, "invalid-parameter", "Invalid parameter", "format must be json or csv", "format").send(ctx);
            return;
        }
        Caller caller = Access.caller(ctx);
        String only = null;
        if (!caller.has(Role.SUPERVISOR) && !caller.has(Role.AUDITOR)) {
            // a partner sees its own figures only, whatever it asked to group by
            grouping = caller.has(Role.FLEET) ? SlaGrouping.FLEET : SlaGrouping.HOSPITAL;
            only = caller.partner();
            if (only == null) {
                Problem.of(403, "forbidden", "Forbidden", "a partner's report needs a key bound to one partner").send(ctx);
                return;
            }
        }
        SlaGrouping by = grouping;
        String own = only;
        offload.submit(() -> calculator.report(database.withConnection(c -> reader.read(c, period.from(), period.to())),
                        period.from(), period.to(), by, own))
                .onSuccess(report -> {
                    if (csv) {
                        ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                                .putHeader("Content-Disposition", "attachment; filename=\"sla-" + by.parameter() + ".csv\"")
                                .end(SlaCsv.write(report));
                    } else {
                        ctx.response().putHeader("Content-Type", "application/json").end(Json.write(report));
                    }
                }).onFailure(ctx::fail);
    }
}
