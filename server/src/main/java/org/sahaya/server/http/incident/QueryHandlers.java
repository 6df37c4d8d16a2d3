package org.sahaya.server.http.incident;

import io.vertx.ext.web.RoutingContext;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.json.Json;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.notify.channel.sandbox.SandboxInbox;
import org.sahaya.server.access.Access;
import org.sahaya.server.access.Caller;
import org.sahaya.server.access.Role;
import org.sahaya.server.http.JsonReply;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;
import org.sahaya.server.incident.IncidentCursor;
import org.sahaya.server.incident.IncidentViews;
import org.sahaya.server.incident.PartnerViews;

/**
 * The read side of the API: incidents for those who watch them (coordinators, supervisors,
 * auditors), a partner's own jobs or patients in a narrower view, the sandbox inbox for the demo.
 * A partner's list is the same pages filtered to what it may see: a page may hold fewer lines than
 * its limit, and {@value #NEXT_CURSOR} still leads on.
 */
public final class QueryHandlers {

    /** Response header of the incident list: the cursor of the next page, absent on the last page. */
    public static final String NEXT_CURSOR = "X-Next-Cursor";

    private final IncidentViews incidents;
    private final PartnerViews partners;
    private final SandboxInbox sandbox;
    private final Offload offload;

    public QueryHandlers(IncidentViews incidents, PartnerViews partners, SandboxInbox sandbox, Offload offload) {
        this.incidents = incidents;
        this.partners = partners;
        this.sandbox = sandbox;
        this.offload = offload;
    }

    /** The whole incident for the people who watch incidents; a partner's narrower view otherwise. */
    public void incident(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Caller caller = Access.caller(ctx);
        if (!watchesIncidents(caller)) {
            JsonReply.send(ctx, offload.submit(() -> switch (partners.read(caller, id)) {
                case PartnerViews.Read.Shown shown -> shown.view();
                case PartnerViews.Read.NotFound n -> throw notFound(id);
                case PartnerViews.Read.NotYours n -> throw new ProblemException(Problem.ofField(403,
                        "not-your-incident", "Not your incident", "incident " + id
                                + " is not a job of your units nor a patient coming to you", "id"));
            }));
            return;
        }
        JsonReply.send(ctx, offload.submit(() -> incidents.find(id)).map(found -> found
                .<Object>map(v -> v)
                .orElseThrow(() -> notFound(id))));
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problem.ofField(404, "incident-not-found", "Incident not found",
                "no incident has the id " + id, "id"));
    }

    private static boolean watchesIncidents(Caller caller) {
        return caller.has(Role.COORDINATOR) || caller.has(Role.SUPERVISOR) || caller.has(Role.AUDITOR);
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
        Caller caller = Access.caller(ctx);
        offload.submit(() -> incidents.list(state == null ? null : IncidentState.valueOf(state), after, limit))
                .onSuccess(page -> {
                    if (page.next() != null) {
                        ctx.response().putHeader(NEXT_CURSOR, IncidentCursor.encode(page.next()));
                    }
                    Object lines = watchesIncidents(caller) ? page.incidents() : partners.filter(caller, page.incidents());
                    ctx.response().putHeader("Content-Type", "application/json").end(Json.write(lines));
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
