package org.sahaya.core.incident;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Life of an incident. The allowed transitions are written here and only here.
 */
public enum IncidentState {
    /** Opened and triaged for dispatch; the dispatch decision is being made. */
    NEW,
    /** Opened, waiting for its verification window to pass before dispatch. */
    VERIFYING,
    /** Needs an ambulance; none suitable is free yet. Dispatched the moment one frees up. */
    QUEUED,
    /** A unit is claimed and a bed reserved. */
    DISPATCHED,
    /** Record-only event (test, low battery): nothing to dispatch. Terminal. */
    RECORDED,
    /** Stood down before dispatch (the device said "I'm OK"). Terminal. */
    CANCELLED,
    /** Finished by the coordinator or the crew. Terminal. */
    CLOSED;

    private static final Map<IncidentState, Set<IncidentState>> NEXT = Map.of(
            NEW, EnumSet.of(QUEUED, DISPATCHED, CANCELLED, CLOSED),
            VERIFYING, EnumSet.of(NEW, QUEUED, DISPATCHED, CANCELLED, CLOSED),
            QUEUED, EnumSet.of(DISPATCHED, CANCELLED, CLOSED),
            DISPATCHED, EnumSet.of(QUEUED, CLOSED),
            RECORDED, EnumSet.noneOf(IncidentState.class),
            CANCELLED, EnumSet.noneOf(IncidentState.class),
            CLOSED, EnumSet.noneOf(IncidentState.class));

    public boolean canMoveTo(IncidentState next) {
        return NEXT.get(this).contains(next);
    }

    /** Open incidents are still being worked: a new alert from the same subscriber joins them. */
    public boolean isOpen() {
        return !NEXT.get(this).isEmpty();
    }

    /** @throws IllegalStateException if the move is not allowed */
    public IncidentState moveTo(IncidentState next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("incident cannot move from " + this + " to " + next);
        }
        return next;
    }
}
