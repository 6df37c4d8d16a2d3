package org.sahaya.dispatch.job;

import org.sahaya.core.incident.Incident;

/**
 * What happened to a job, for {@link JobNews}: the job as it is now and its incident.
 *
 * @param incident the incident as it is now (null only if it is no longer found)
 */
public record JobEvent(Kind kind, Job job, Incident incident) {

    /** What the fleet's system is told. */
    public enum Kind {
        /** A new job for one of its units. */
        JOB_OFFERED,
        /** The job changed: accepted, another hospital. {@link Job#updates()} numbers it. */
        JOB_UPDATED,
        /** The job was taken off the unit: declined, not accepted in time, withdrawn. */
        JOB_WITHDRAWN,
        /** The incident is over. */
        JOB_DONE
    }
}
