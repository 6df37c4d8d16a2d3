package org.sahaya.server.audit;

/**
 * Where every human and partner action, every login and every read of personal data is written.
 * {@link #record} only hands the event over: it never blocks and never fails the request; the log
 * writes it soon after, in order, chained by hash.
 */
@FunctionalInterface
public interface Audit {

    void record(AuditEvent event);
}
