package org.sahaya.server.http.admin.privacy;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;
import org.sahaya.core.json.Json;
import org.sahaya.core.node.Offload;
import org.sahaya.server.access.Access;
import org.sahaya.server.access.Caller;
import org.sahaya.server.admin.privacy.Erasure;
import org.sahaya.server.admin.privacy.ErasureRefused;
import org.sahaya.server.admin.privacy.ErasureReport;
import org.sahaya.server.admin.privacy.SubscriberExport;
import org.sahaya.server.http.JsonReply;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;

/**
 * A subscriber's data-subject rights, for an admin: the export of everything held about them (a read
 * of personal data, audited as {@code subscriber.export} under the admin's name) and the erasure
 * (audited as {@code subscriber.erasure} with what it erased, counts only). The database work runs
 * off the event loop.
 */
public final class PrivacyHandlers {

    private final SubscriberExport export;
    private final Erasure erasure;
    private final Access access;
    private final Offload offload;
    private final Clock clock;

    public PrivacyHandlers(SubscriberExport export, Erasure erasure, Access access, Offload offload, Clock clock) {
        this.export = export;
        this.erasure = erasure;
        this.access = access;
        this.offload = offload;
        this.clock = clock;
    }

    public void export(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Caller caller = Access.caller(ctx);
        offload.submit(() -> export.of(id, clock.instant())).onSuccess(found -> {
            if (found.isEmpty()) {
                ctx.fail(notFound(id));
                return;
            }
            access.audit(caller, "subscriber.export", "subscribers/" + id, "ok");
            ctx.response().putHeader("Content-Type", "application/json")
                    .putHeader("Content-Disposition", "attachment; filename=\"subscriber-" + safe(id) + ".json\"")
                    .putHeader("Cache-Control", "no-store")
                    .end(Json.write(found.get()));
        }).onFailure(ctx::fail);
    }

    public void erase(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Caller caller = Access.caller(ctx);
        JsonReply.send(ctx, offload.submit(() -> erasure.erase(id, clock.instant()))
                .map(report -> {
                    access.audit(caller, "subscriber.erasure", report.auditRecord(), "ok");
                    return view(report);
                })
                .recover(e -> io.vertx.core.Future.failedFuture(e instanceof ErasureRefused refused ? problem(refused, id) : e)));
    }

    private static Map<String, Object> view(ErasureReport r) {
        return Map.of("subscriberId", r.subscriberId(), "pseudonym", r.pseudonym(), "erasedAt", r.erasedAt().toString(),
                "erased", r.counts(), "gridEntries", r.gridEntries());
    }

    private static ProblemException problem(ErasureRefused refused, String id) {
        return switch (refused.reason()) {
            case UNKNOWN -> notFound(id);
            case OPEN_INCIDENT -> new ProblemException(Problem.ofField(409, "incident-open", "An incident is open",
                    refused.getMessage(), "id"));
        };
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problem.ofField(404, "subscriber-not-found", "Subscriber not found",
                "no subscriber " + id, "id"));
    }

    /** The id as a file name: letters, digits, dot, dash and underscore only. */
    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
