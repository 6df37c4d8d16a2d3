package org.sahaya.core.incident;

import java.io.Serializable;
import java.time.Instant;
import org.sahaya.core.fleet.UnitStatus;

/**
 * What happened to a dispatched incident after its dispatch, as {@link IncidentListener#changed} hears
 * it: the news that jobs to crews, pre-arrival notices to hospitals, the family's follow-through messages
 * and the console follow. Each carries the incident as it is after the change and when it happened.
 * Dispatch raises them after the change is stored; a listener must be idempotent (a change may be heard
 * again after a crash or a take-over).
 */
public sealed interface IncidentChange extends Serializable {

    /** The incident as it is after the change. */
    Incident incident();

    /** When the change happened. */
    Instant at();

    /**
     * A unit left the incident before the patient reached a hospital: its crew declined, did not accept in
     * time, broke down, or a coordinator sent another. {@code why} is plain words for the timeline and the
     * family ("the crew of KA-01 did not accept within 60 s").
     */
    record UnitReleased(Incident incident, Instant at, String unitId, Reason reason, String why) implements IncidentChange {
    }

    /**
     * A second unit was sent to an incident that keeps its first: the ALS unit after a BLS unit went first
     * ({@code role} SUPPORT). The first dispatch, a re-dispatch and an override are announced with
     * {@link IncidentListener#dispatched}, not with this.
     */
    record SupportUnitSent(Incident incident, Instant at, String unitId, String why) implements IncidentChange {
    }

    /** A unit of the incident reports progress: EN_ROUTE (accepted), ON_SCENE, TRANSPORTING, AT_HOSPITAL. */
    record UnitProgress(Incident incident, Instant at, String unitId, UnitStatus status) implements IncidentChange {
    }

    /** The unit's estimated arrival moved (a live position during the job); {@code incident().etaSeconds()} is the new figure. */
    record EtaChanged(Incident incident, Instant at, String unitId, int previousEtaSeconds) implements IncidentChange {
    }

    /**
     * The receiving hospital changed: the first hospital declined, or a coordinator chose another.
     * {@code from} may be null (a bed found late), {@code to} may be null (no other hospital has a bed).
     */
    record HospitalChanged(Incident incident, Instant at, String from, String to, String why) implements IncidentChange {
    }

    /** The incident is over: handed over at the hospital, treated at home, closed by a coordinator, or a false alarm stood down. */
    record Closed(Incident incident, Instant at, Ending ending, String why) implements IncidentChange {
    }

    /** Why a unit left. */
    enum Reason {
        DECLINED, NOT_ACCEPTED_IN_TIME, OUT_OF_SERVICE, REPLACED_BY_COORDINATOR
    }

    /** How an incident ended. */
    enum Ending {
        HANDED_OVER, TREATED_ON_SCENE, CLOSED_BY_COORDINATOR, STOOD_DOWN
    }
}
