package org.sahaya.dispatch.hospital;

import java.time.Instant;

/**
 * A receiving hospital's answer about an incoming patient ({@code hospital_decisions}).
 *
 * @param reason    the hospital's words (required for a decline, at most 500 characters); goes on the timeline
 * @param decidedBy who decided: the hospital partner's name as the audit log writes it
 */
public record HospitalDecision(String incidentId, String hospitalId, Verdict verdict, String reason, String decidedBy,
                               Instant decidedAt) {

    /** Accept the patient, or decline them (the patient goes to the next hospital). */
    public enum Verdict {
        ACCEPT, DECLINE
    }
}
