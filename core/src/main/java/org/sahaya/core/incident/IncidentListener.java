package org.sahaya.core.incident;

import java.util.List;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.notification.Notification;

/**
 * Extension point: what the incident workflow (in {@code dispatch}) announces as it works an
 * incident, for whoever tells people about it (the family's messages, in {@code notify}). It is the
 * one way news leaves dispatch, so dispatch never names the module that listens, and the alert flows
 * one way: gateway, dispatch, then this port.
 *
 * <p>Calls are made on virtual threads, never on an event loop, and may block (a listener writes its
 * outbox). A listener must be idempotent: after a crash or a take-over the workflow announces a
 * dispatched incident again, and the listener must not send what it already sent.
 */
public interface IncidentListener {

    /**
     * A unit is on its way to {@code incident} (DISPATCHED): a first dispatch, a re-dispatch, a
     * coordinator's override, a dispatch out of the queue, or, after a restart or a take-over, a
     * dispatched incident announced again.
     *
     * @return the notifications handed to providers now (their {@code sentAt} times the first
     *         notification); empty if none
     */
    List<Notification> dispatched(Incident incident);

    /**
     * {@code incident} waits for a unit (QUEUED): none suitable is free.
     *
     * @return the notifications handed to providers now; empty if none
     */
    List<Notification> queued(Incident incident);

    /**
     * An alert was stored for the first time (never for a resent one) and belongs to
     * {@code incident}: a stand-down, a low battery, a silent device, an "I'm OK" after a dispatch.
     * Called after the incident's dispatch work has started; returns at once (the listener does its
     * work on a virtual thread of its own).
     *
     * @param outcome what intake did with the alert: opened the incident, joined it, or recorded it only
     */
    void alertStored(Alert alert, Incident incident, AlertOutcome outcome);

    /**
     * Something happened to an incident after its dispatch ({@link IncidentChange}). Called on a virtual
     * thread after the change is stored; may block. The default hears nothing, so a listener that cares
     * only for the first dispatch stays as it is.
     */
    default void changed(IncidentChange change) {
    }
}
