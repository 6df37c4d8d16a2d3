package org.sahaya.server.audit;

/**
 * What {@link AuditVerifier} found.
 *
 * @param intact        whether every entry recomputes to its hash and follows the one before it, and
 *                      the log ends where {@code audit_head} says
 * @param entries       how many entries were read
 * @param firstBrokenAt the seq of the first entry that breaks the chain (changed, or the first after a
 *                      deleted one, or the first missing one of a cut-off tail); null when intact
 */
public record AuditVerdict(boolean intact, long entries, Long firstBrokenAt) {
}
