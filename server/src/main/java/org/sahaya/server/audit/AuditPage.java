package org.sahaya.server.audit;

import java.util.List;

/**
 * One page of the audit log, newest first.
 *
 * @param next the cursor of the next (older) page: pass it back as {@link AuditSearch#before()}; null
 *             on the last page
 */
public record AuditPage(List<AuditEntry> entries, Long next) {
}
