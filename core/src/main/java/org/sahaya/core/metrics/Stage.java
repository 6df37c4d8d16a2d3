package org.sahaya.core.metrics;

/**
 * The timed stages of an alert's hot path. Each is a Micrometer timer named {@code sahaya.stage}
 * with tag {@code stage=<name>}, measured from the moment the gateway received the alert.
 */
public enum Stage {
    /** Received until the device was acknowledged (alert persisted). */
    ACK,
    /** Received until triage decided priority and action. */
    TRIAGE,
    /** Received until the dispatch decision (DISPATCHED or QUEUED). */
    DISPATCH_DECIDED,
    /** Received until the first family notification was handed to its provider. */
    FIRST_NOTIFICATION,
    /**
     * Dispatch decided until the fleet's webhook answered 2xx to the job (issue 17): measured from the
     * decision, not from reception, so it is the outbox's own share of the path.
     */
    JOB_HANDED;

    public String tag() {
        return name().toLowerCase();
    }
}
