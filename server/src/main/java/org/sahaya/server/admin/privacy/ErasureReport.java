package org.sahaya.server.admin.privacy;

import java.time.Instant;
import java.util.Map;

/**
 * What an erasure did: the pseudonym the record now carries and how many rows of each kind were
 * erased or pseudonymised (no personal data).
 */
public record ErasureReport(String subscriberId, String pseudonym, Instant erasedAt, Map<String, Integer> counts,
                            int gridEntries) {

    /** The audit record: the subscriber's record path and the counts. */
    public String auditRecord() {
        return "subscribers/" + subscriberId + " erased " + IncidentPurge.said(counts) + " grid=" + gridEntries;
    }
}
