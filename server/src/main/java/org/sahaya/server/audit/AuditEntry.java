package org.sahaya.server.audit;

import java.time.Instant;

/**
 * One stored line of the audit log: an event with its place in the chain.
 *
 * @param seq      its place, 1, 2, 3, ... without gaps
 * @param prevHash the hash of entry {@code seq - 1} ({@link AuditChain#GENESIS} for the first)
 * @param hash     {@link AuditChain#hash} of this entry
 */
public record AuditEntry(long seq, Instant at, String actor, String role, String action, String record,
                         String address, String outcome, String prevHash, String hash) {

    /** The event this line holds. */
    public AuditEvent event() {
        return new AuditEvent(at, actor, role, action, record, address, outcome);
    }

    /** Whether this line's hash is what its own fields and prevHash give. */
    public boolean hashMatches() {
        return AuditChain.hash(prevHash, seq, event()).equals(hash);
    }
}
