package org.sahaya.dispatch.job;

import java.util.Optional;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.dispatch.duty.StatusReport;
import org.sahaya.dispatch.fleet.StatusChange;
import org.sahaya.dispatch.workflow.DispatchDesk;
import org.sahaya.dispatch.workflow.DispatchHeld;

/**
 * A crew's (or its fleet's) answer to a job: accept is the unit's EN_ROUTE, decline its AVAILABLE, both
 * reported through the {@link DispatchDesk} as any status report is, so a decline re-dispatches exactly as
 * before. Who may answer for which unit is the caller's business (the API's scope check). Blocking.
 */
public final class JobActions {

    /** What an answer did. */
    public sealed interface Outcome {
        /** Done; the job as it is now. */
        record Done(Job job) implements Outcome {
        }

        /** No job has the id; nothing changed. */
        record Unknown(String jobId) implements Outcome {
        }

        /** The job is not open to this answer ({@code why}); nothing changed. */
        record NotOpen(Job job, String why) implements Outcome {
        }
    }

    private final Jobs jobs;
    private final DispatchDesk desk;

    public JobActions(Jobs jobs, DispatchDesk desk) {
        this.jobs = jobs;
        this.desk = desk;
    }

    /**
     * @param actor who accepted (a crew member, a fleet key, a coordinator), on the timeline and the job
     * @throws DispatchHeld on a minority member, before anything changes
     */
    public Outcome accept(String jobId, String actor) {
        Optional<Job> found = jobs.find(jobId);
        if (found.isEmpty()) {
            return new Outcome.Unknown(jobId);
        }
        Job job = found.get();
        if (job.state() != JobState.OFFERED) {
            return new Outcome.NotOpen(job, "job " + jobId + " is " + job.state() + ", not OFFERED");
        }
        held();
        if (!onIt(job, UnitStatus.DISPATCHED)) {
            return new Outcome.NotOpen(job, "unit " + job.unitId() + " is no longer waiting to accept job " + jobId);
        }
        StatusReport report = desk.status(job.unitId(), UnitStatus.EN_ROUTE, "accepted job " + jobId + " (" + actor + ")");
        if (!(report.change() instanceof StatusChange.Changed)) {
            Job now = jobs.find(jobId).orElse(job);
            return new Outcome.NotOpen(now, "job " + jobId + " is " + now.state() + ": unit " + job.unitId()
                    + " could not accept it");
        }
        return new Outcome.Done(jobs.accept(jobId, actor).orElse(job));
    }

    /**
     * @param reason the crew's words, on the timeline and the job (no patient data)
     * @throws DispatchHeld on a minority member, before anything changes
     */
    public Outcome decline(String jobId, String reason, String actor) {
        Optional<Job> found = jobs.find(jobId);
        if (found.isEmpty()) {
            return new Outcome.Unknown(jobId);
        }
        Job job = found.get();
        if (!job.isLive()) {
            return new Outcome.NotOpen(job, "job " + jobId + " is " + job.state() + ", not OFFERED or ACCEPTED");
        }
        held();
        // Only before the patient is reached: AVAILABLE from the scene would close the incident as treated there.
        if (!onIt(job, UnitStatus.DISPATCHED) && !onIt(job, UnitStatus.EN_ROUTE)) {
            return new Outcome.NotOpen(job, "unit " + job.unitId() + " is past the point of declining job " + jobId
                    + ": report its status instead");
        }
        StatusReport report = desk.status(job.unitId(), UnitStatus.AVAILABLE, reason);
        if (!(report.change() instanceof StatusChange.Changed)) {
            Job now = jobs.find(jobId).orElse(job);
            return new Outcome.NotOpen(now, "job " + jobId + " is " + now.state() + ": unit " + job.unitId()
                    + " could not decline it");
        }
        return new Outcome.Done(jobs.end(jobId, JobState.DECLINED, reason, actor).orElse(job));
    }

    private boolean onIt(Job job, UnitStatus status) {
        Optional<Unit> unit = desk.unit(job.unitId());
        return unit.isPresent() && unit.get().status() == status && job.incidentId().equals(unit.get().incidentId());
    }

    private void held() {
        if (!desk.mayDispatch()) {
            throw new DispatchHeld("A crew's answer to a job");
        }
    }
}
