package org.sahaya.dispatch.workflow;

/**
 * A command that would dispatch (a coordinator's override, a crew leaving its incident) refused on a
 * member that does not see a majority of the cluster: the majority side may be dispatching the same
 * incident, so this member changes nothing. The HTTP API answers 503 {@code minority}.
 */
public final class DispatchHeld extends RuntimeException {

    public DispatchHeld(String what) {
        super(what + " is refused on this member: it does not see a majority of the cluster's members"
                + " (minority: a network split or too many members down). Nothing changed; send it to a member"
                + " that reports ready in /health/ready", null, false, false);
    }
}
