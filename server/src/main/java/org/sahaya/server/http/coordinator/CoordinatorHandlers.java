package org.sahaya.server.http.coordinator;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.sahaya.core.node.Offload;
import org.sahaya.dispatch.assignment.AssignmentResult;
import org.sahaya.dispatch.incident.CloseResult;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.JsonReply;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;
import org.sahaya.server.incident.IncidentViews;
import org.sahaya.dispatch.workflow.DispatchDesk;

/**
 * The coordinator's commands, after authentication and contract validation: send this unit
 * (override) and close an incident, each with a reason for the timeline. Answers the incident as
 * it now is, the person who gave the order named on the timeline; a refusal (unknown, finished, unit busy) changes nothing.
 */
public final class CoordinatorHandlers {

    private final DispatchDesk desk;
    private final IncidentViews views;
    private final Offload offload;

    public CoordinatorHandlers(DispatchDesk desk, IncidentViews views, Offload offload) {
        this.desk = desk;
        this.views = views;
        this.offload = offload;
    }

    public void assign(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonObject body = ctx.body().asJsonObject();
        String unitId = body.getString("unitId");
        String reason = body.getString("reason").strip();
        String actor = Access.caller(ctx).name();
        JsonReply.send(ctx, offload.submit(() -> switch (desk.assign(id, unitId, reason, actor)) {
            case AssignmentResult.Assigned a -> views.find(id).orElseThrow();
            case AssignmentResult.UnknownIncident u -> throw unknownIncident(id);
            case AssignmentResult.UnknownUnit u -> throw new ProblemException(Problem.ofField(404, "unit-not-found",
                    "Unit not found", "no unit has the id " + unitId, "unitId"));
            case AssignmentResult.NotOpen n -> throw notOpen(id, n.incident().state().name());
            case AssignmentResult.UnitBusy b -> throw new ProblemException(Problem.ofField(409, "unit-busy", "Unit busy",
                    "unit " + unitId + " is " + b.unit().status() + (b.unit().incidentId() == null ? ""
                            : " on incident " + b.unit().incidentId()) + "; only an AVAILABLE unit can be assigned", "unitId"));
        }));
    }

    public void close(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String reason = ctx.body().asJsonObject().getString("reason").strip();
        String actor = Access.caller(ctx).name();
        JsonReply.send(ctx, offload.submit(() -> switch (desk.close(id, reason, actor)) {
            case CloseResult.Closed c -> views.find(id).orElseThrow();
            case CloseResult.Unknown u -> throw unknownIncident(id);
            case CloseResult.NotOpen n -> throw notOpen(id, n.incident().state().name());
        }));
    }

    private static ProblemException unknownIncident(String id) {
        return new ProblemException(Problem.ofField(404, "incident-not-found", "Incident not found",
                "no incident has the id " + id, "id"));
    }

    private static ProblemException notOpen(String id, String state) {
        return new ProblemException(Problem.ofField(409, "incident-not-open", "Incident not open",
                "incident " + id + " is " + state + "; nothing changed", "id"));
    }
}
