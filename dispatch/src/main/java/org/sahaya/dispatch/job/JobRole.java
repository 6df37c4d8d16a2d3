package org.sahaya.dispatch.job;

/** Which unit of an incident a job is for: the one sent to it, or a second one sent after it (ALS after BLS). */
public enum JobRole {
    PRIMARY, SUPPORT
}
