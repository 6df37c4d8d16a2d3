package org.sahaya.dispatch.incident;

import org.sahaya.core.fleet.Unit;
import org.sahaya.core.incident.Incident;

/** What closing an incident did. */
public sealed interface CloseResult {

    /**
     * Closed; {@code freedUnit} is the unit it released (now AVAILABLE), or null; {@code freedSupport} the
     * second (ALS) unit it released, or null.
     */
    record Closed(Incident incident, Unit freedUnit, Unit freedSupport) implements CloseResult {

        /** Closed without a second unit to release. */
        public Closed(Incident incident, Unit freedUnit) {
            this(incident, freedUnit, null);
        }
    }

    /** No incident has this id. */
    record Unknown(String incidentId) implements CloseResult {
    }

    /** The incident is already finished; nothing changed. */
    record NotOpen(Incident incident) implements CloseResult {
    }
}
