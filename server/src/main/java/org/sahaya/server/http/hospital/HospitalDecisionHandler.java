package org.sahaya.server.http.hospital;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import org.sahaya.core.node.Offload;
import org.sahaya.dispatch.hospital.DecisionResult;
import org.sahaya.dispatch.hospital.HospitalDecision;
import org.sahaya.dispatch.workflow.DispatchDesk;
import org.sahaya.server.access.Access;
import org.sahaya.server.access.Caller;
import org.sahaya.server.http.JsonReply;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;

/**
 * A receiving hospital accepts or declines an incoming patient, after authentication (hospital keys only)
 * and contract validation. Only the caller's own patients: an incident bound for another hospital answers
 * 403 {@code not-your-patient}; one no longer on its way to the caller's hospital 409 {@code not-dispatched};
 * a decline without a reason 422 naming {@code reason}. Every refusal changes nothing. The gate audits the
 * request under the hospital partner's name.
 */
public final class HospitalDecisionHandler {

    private final DispatchDesk desk;
    private final Offload offload;

    public HospitalDecisionHandler(DispatchDesk desk, Offload offload) {
        this.desk = desk;
        this.offload = offload;
    }

    public void decide(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Caller caller = Access.caller(ctx);
        JsonObject body = ctx.body().asJsonObject();
        HospitalDecision.Verdict verdict = HospitalDecision.Verdict.valueOf(body.getString("decision"));
        String reason = body.getString("reason") == null ? null : body.getString("reason").strip();
        if (verdict == HospitalDecision.Verdict.DECLINE && (reason == null || reason.isEmpty())) {
            ctx.fail(new ProblemException(Problem.ofField(422, "invalid-field", "Invalid field",
                    "reason: a decline needs the reason (1 to 500 characters): it goes on the incident's timeline."
                            + " Nothing changed", "reason")));
            return;
        }
        if (caller.partner() == null) {
            ctx.fail(notYours(id));
            return;
        }
        String hospitalId = caller.partner();
        JsonReply.send(ctx, offload.submit(() -> switch (desk.hospitalDecision(id, hospitalId, verdict,
                reason == null || reason.isEmpty() ? null : reason, caller.name())) {
            case DecisionResult.Decided d -> DecisionView.of(d);
            case DecisionResult.Unknown u -> throw new ProblemException(Problem.ofField(404, "incident-not-found",
                    "Incident not found", "no incident has the id " + id, "id"));
            case DecisionResult.NotYours n -> throw notYours(id);
            case DecisionResult.NotDispatched n -> throw new ProblemException(Problem.ofField(409, "not-dispatched",
                    "Not on its way to your hospital", "incident " + id + ": " + n.why() + "; nothing changed", "id"));
        }));
    }

    private static ProblemException notYours(String id) {
        return new ProblemException(Problem.ofField(403, "not-your-patient", "Not your patient", "incident " + id
                + " is not a patient coming to your hospital; a hospital decides only about its own. Nothing changed", "id"));
    }

    /**
     * The decision as recorded.
     *
     * @param state    the incident's state now
     * @param repeated an accept given before: nothing new was written
     */
    public record DecisionView(String incidentId, String hospitalId, String decision, String reason, Instant decidedAt,
                               String state, boolean repeated) {
        static DecisionView of(DecisionResult.Decided d) {
            HospitalDecision h = d.decision();
            return new DecisionView(h.incidentId(), h.hospitalId(), h.verdict().name(), h.reason(), h.decidedAt(),
                    d.incident().state().name(), d.repeated());
        }
    }
}
