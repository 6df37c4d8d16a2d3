package org.sahaya.server.http.incident;

import io.vertx.ext.web.RoutingContext;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.json.Json;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.notify.channel.sandbox.SandboxInbox;
import org.sahaya.server.http.JsonReply;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;
import org.sahaya.server.incident.IncidentCursor;
import org.sahaya.server.incident.IncidentViews;

/** The read side of the API: incidents for coordinators, the sandbox inbox for the demo. */
public final class QueryHandlers {

    /** Response header of the incident list: the cursor of the next page, absent on the last page. */
    public static final String NEXT_CURSOR = "X-Next-Cursor";

    private final IncidentViews incidents;
    private final SandboxInbox sandbox;
    private final Offload offload;

    public QueryHandlers(IncidentViews incidents, SandboxInbox sandbox, Offload offload) {
        this.incidents = incidents;
        this.sandbox = sandbox;
        this.offload = offload;
    }

    public void incident(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonReply.send(ctx, offload.submit(() -> incidents.find(id)).map(found -> found
                .<Object>map(v -> v)
                .orElseThrow(() -> new ProblemException(Problem.ofField(404, "incident-not-found", "Incident not found",
                        "no incident has the id " + id, "id")))));
    }

    /**
     * A page of the incident list. The body is the page's array as it always was; when more incidents
     * follow, {@value #NEXT_CURSOR} carries the cursor that asks for them ({@code cursor=...}).
     */
    public void incidentList(RoutingContext ctx) {
        String state = ctx.queryParams().get("state");
        int limit = intParam(ctx, "limit", 100);
        String cursor = ctx.queryParams().get("cursor");
        IncidentRepository.Position after;
        try {
            after = cursor == null ? null : IncidentCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            Problem.ofField(400, "invalid-cursor", "Invalid cursor", e.getMessage(), "cursor").send(ctx);
            return;
        }
        offload.submit(() -> incidents.list(state == null ? null : IncidentState.valueOf(state), after, limit))
                .onSuccess(page -> {
                    if (page.next() != null) {
                        ctx.response().putHeader(NEXT_CURSOR, IncidentCursor.encode(page.next()));
                    }
                    ctx.response().putHeader("Content-Type", "application/json").end(Json.write(page.incidents()));
                }).onFailure(ctx::fail);
    }

    public void sandboxMessages(RoutingContext ctx) {
        String recipient = ctx.queryParams().get("recipient");
        int limit = Math.min(intParam(ctx, "limit", 50), SandboxInbox.MAX_LIMIT);
        JsonReply.send(ctx, offload.submit(() -> recipient == null ? sandbox.latest(limit) : sandbox.latest(limit, recipient)));
    }

    private static int intParam(RoutingContext ctx, String name, int fallback) {
        String v = ctx.queryParams().get(name);
        return v == null ? fallback : Integer.parseInt(v);
    }
}
