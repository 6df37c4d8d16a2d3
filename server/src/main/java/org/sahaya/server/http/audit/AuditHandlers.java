package org.sahaya.server.http.audit;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.sahaya.core.node.Offload;
import org.sahaya.server.audit.AuditEntry;
import org.sahaya.server.audit.AuditPage;
import org.sahaya.server.audit.AuditReader;
import org.sahaya.server.audit.AuditSearch;
import org.sahaya.server.audit.AuditVerifier;
import org.sahaya.server.http.JsonReply;
import org.sahaya.server.http.contract.Problem;

/** Reads of the audit log: a page of entries, and the verification of the whole chain. JDBC on the Offload. */
public final class AuditHandlers {

    /** One entry as the API shows it. */
    public record Line(long seq, Instant at, String actor, String role, String action, String record, String address,
                String outcome, String hash) {
        static Line of(AuditEntry e) {
            return new Line(e.seq(), e.at(), e.actor(), e.role(), e.action(), e.record(), e.address(), e.outcome(),
                    e.hash());
        }
    }

    /** A page as the API shows it; {@code next} is the cursor of the older page, null on the last. */
    public record Page(List<Line> entries, Long next) {
        static Page of(AuditPage page) {
            return new Page(page.entries().stream().map(Line::of).toList(), page.next());
        }
    }

    private final AuditReader reader;
    private final AuditVerifier verifier;
    private final Offload offload;

    public AuditHandlers(AuditReader reader, AuditVerifier verifier, Offload offload) {
        this.reader = reader;
        this.verifier = verifier;
        this.offload = offload;
    }

    public void list(RoutingContext ctx) {
        AuditSearch search;
        try {
            search = search(ctx);
        } catch (BadParameter e) {
            Problem.ofField(400, "invalid-parameter", "Invalid parameter", e.getMessage(), e.field).send(ctx);
            return;
        }
        JsonReply.send(ctx, offload.submit(() -> Page.of(reader.page(search))));
    }

    public void verify(RoutingContext ctx) {
        JsonReply.send(ctx, offload.submit(verifier::verify));
    }

    private static AuditSearch search(RoutingContext ctx) {
        String actor = text(ctx, "actor");
        String record = text(ctx, "record");
        Instant from = instant(ctx, "from");
        Instant to = instant(ctx, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadParameter("to", "to must be after from");
        }
        Long cursor = number(ctx, "cursor", 1, Long.MAX_VALUE);
        Long limit = number(ctx, "limit", 1, AuditSearch.MAX_LIMIT);
        return new AuditSearch(actor, record, from, to, cursor,
                limit == null ? AuditSearch.DEFAULT_LIMIT : limit.intValue());
    }

    private static String text(RoutingContext ctx, String name) {
        String v = ctx.queryParams().get(name);
        if (v != null && v.isEmpty()) {
            throw new BadParameter(name, name + " must not be empty");
        }
        return v;
    }

    private static Instant instant(RoutingContext ctx, String name) {
        String v = ctx.queryParams().get(name);
        try {
            return v == null ? null : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, name + " must be an ISO-8601 instant with an offset, e.g. 2026-12-07T10:00:00Z");
        }
    }

    private static Long number(RoutingContext ctx, String name, long min, long max) {
        String v = ctx.queryParams().get(name);
        if (v == null) {
            return null;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameter(name, name + " must be a whole number from " + min + (max == Long.MAX_VALUE ? "" : " to " + max));
    }

    /** A query parameter the contract admits but the search cannot use. */
    private static final class BadParameter extends RuntimeException {
        private final String field;

        BadParameter(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
