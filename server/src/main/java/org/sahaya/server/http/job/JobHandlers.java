package org.sahaya.server.http.job;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.dispatch.job.Job;
import org.sahaya.dispatch.job.JobActions;
import org.sahaya.dispatch.job.Jobs;
import org.sahaya.dispatch.workflow.DispatchDesk;
import org.sahaya.server.access.Access;
import org.sahaya.server.access.Caller;
import org.sahaya.server.http.JsonReply;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;
import org.sahaya.server.job.JobScope;
import org.sahaya.server.job.JobView;
import org.sahaya.server.job.JobViews;

/**
 * The jobs API, after authentication and contract validation: a unit's live job, and a crew's accept or
 * decline. Another fleet's (or another crew's) unit answers 403 {@code not-your-unit} before anything is
 * read or changed; every request is audited under the caller's name with the job it touched.
 */
public final class JobHandlers {

    private final Jobs jobs;
    private final JobActions actions;
    private final JobViews views;
    private final DispatchDesk desk;
    private final Database database;
    private final Offload offload;

    public JobHandlers(Jobs jobs, JobActions actions, JobViews views, DispatchDesk desk, Database database,
                       Offload offload) {
        this.jobs = jobs;
        this.actions = actions;
        this.views = views;
        this.desk = desk;
        this.database = database;
        this.offload = offload;
    }

    /** {@code GET /api/v1/units/{id}/job}: 404 {@code no-job} when the unit has no live job. */
    public void unitJob(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Caller caller = Access.caller(ctx);
        JsonReply.send(ctx, offload.submit(() -> {
            if (caller.has(org.sahaya.server.access.Role.CREW)) {
                scope(caller, id, null); // before the lookup: a crew learns nothing of other units, not even if they exist
            }
            Unit unit = desk.unit(id).orElseThrow(() -> problem(404, "unit-not-found", "Unit not found",
                    "no unit has the id " + id, "id"));
            scope(caller, id, unit.partner());
            Job job = jobs.liveOfUnit(id).orElseThrow(() -> problem(404, "no-job", "No job",
                    "unit " + id + " has no job offered or accepted now", "id"));
            return views.of(database, job);
        }).onSuccess(view -> Access.touched(ctx, "jobs/" + view.jobId())));
    }

    /** {@code POST /api/v1/jobs/{jobId}/accept}: the unit goes EN_ROUTE. */
    public void accept(RoutingContext ctx) {
        String jobId = ctx.pathParam("jobId");
        Caller caller = Access.caller(ctx);
        Access.touched(ctx, "jobs/" + jobId);
        JsonReply.send(ctx, offload.submit(() -> {
            ownJob(caller, jobId);
            return answer(actions.accept(jobId, caller.name()));
        }));
    }

    /** {@code POST /api/v1/jobs/{jobId}/decline}: the unit is released and the next unit sent. */
    public void decline(RoutingContext ctx) {
        String jobId = ctx.pathParam("jobId");
        Caller caller = Access.caller(ctx);
        String reason = ctx.body().asJsonObject().getString("reason").strip();
        Access.touched(ctx, "jobs/" + jobId);
        JsonReply.send(ctx, offload.submit(() -> {
            ownJob(caller, jobId);
            return answer(actions.decline(jobId, reason, caller.name()));
        }));
    }

    private JobView answer(JobActions.Outcome outcome) {
        return switch (outcome) {
            case JobActions.Outcome.Done done -> views.of(database, done.job());
            case JobActions.Outcome.Unknown unknown -> throw unknownJob(unknown.jobId());
            case JobActions.Outcome.NotOpen not -> throw problem(409, "job-not-offered", "Job not open to this",
                    not.why() + "; nothing changed", "jobId");
        };
    }

    private void ownJob(Caller caller, String jobId) {
        Job job = jobs.find(jobId).orElseThrow(() -> unknownJob(jobId));
        Optional<Unit> unit = desk.unit(job.unitId());
        scope(caller, job.unitId(), unit.map(Unit::partner).orElse(job.fleetId()));
    }

    private static void scope(Caller caller, String unitId, String fleet) {
        if (!JobScope.mayAct(caller, unitId, fleet)) {
            throw problem(403, "not-your-unit", "Not your unit", "unit " + unitId
                    + " is not yours: a fleet answers only its own units' jobs, a crew only its own unit's. Nothing changed",
                    "id");
        }
    }

    private static ProblemException unknownJob(String jobId) {
        return problem(404, "job-not-found", "Job not found", "no job has the id " + jobId, "jobId");
    }

    private static ProblemException problem(int status, String slug, String title, String detail, String field) {
        return new ProblemException(Problem.ofField(status, slug, title, detail, field));
    }
}
