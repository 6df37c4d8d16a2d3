package org.sahaya.server.report.sla;

import java.util.Locale;

/** What a report's groups are: the {@code groupBy} of {@code GET /api/v1/reports/sla}. */
public enum SlaGrouping {
    /** The fleet of the unit that accepted the incident (the fleet partner's id). */
    FLEET,
    /** The receiving hospital (incidents.hospital_id). */
    HOSPITAL,
    /** The corporate client of the subscriber (subscribers.client_id). */
    CLIENT,
    /** The month the incident was opened in, in the city's time zone ({@code 2026-11}). */
    MONTH;

    /** The key of an incident outside every group of this kind (no unit, no hospital, no client). */
    public static final String NONE = "(none)";

    /** The query parameter's spelling: fleet, hospital, client, month. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the grouping named by the query parameter, or null if none is */
    public static SlaGrouping ofParameter(String value) {
        for (SlaGrouping g : values()) {
            if (g.parameter().equals(value)) {
                return g;
            }
        }
        return null;
    }
}
