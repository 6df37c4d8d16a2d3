package org.sahaya.server.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log: who did what to which record, from where, and how it ended.
 *
 * @param at      when it happened
 * @param actor   the username or partner id; {@code "anonymous"} for a caller without credentials
 * @param role    the actor's roles as {@link org.sahaya.server.access.Caller#roleNames()} writes them; empty if none
 * @param action  what was tried, a dotted verb such as {@code incident.read}, {@code session.login},
 *                {@code unit.status}, {@code contact.put}
 * @param record  the record touched, typed, such as {@code incident/I-123}; empty if none
 * @param address where the request came from
 * @param outcome {@code ok}, {@code denied}, {@code failed}, or a short reason such as {@code throttled}
 */
public record AuditEvent(Instant at, String actor, String role, String action, String record, String address,
                         String outcome) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        role = role == null ? "" : role;
        record = record == null ? "" : record;
        address = address == null ? "" : address;
        outcome = outcome == null ? "" : outcome;
    }
}
