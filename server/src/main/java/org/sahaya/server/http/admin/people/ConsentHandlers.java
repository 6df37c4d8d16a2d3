package org.sahaya.server.http.admin.people;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.subscriber.ConsentPurpose;
import org.sahaya.server.access.Access;
import org.sahaya.server.admin.people.Consents;
import org.sahaya.server.admin.people.SubscriberKind;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;

/**
 * A subscriber's consents: each purpose granted or withdrawn, recorded with the admin's name, the
 * time and how it was given, and kept in the history. {@code EMERGENCY_DISPATCH} cannot be withdrawn
 * (409): a person who no longer wants to be served has their devices revoked or is erased.
 */
public final class ConsentHandlers {

    private final Database database;
    private final Offload offload;
    private final Clock clock;

    public ConsentHandlers(Database database, Offload offload, Clock clock) {
        this.database = database;
        this.offload = offload;
        this.clock = clock;
    }

    /** {@code PUT /api/v1/subscribers/{id}/consents/{purpose}} with {@code {granted, method}}. */
    public void put(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String by = Access.caller(ctx).name();
        JsonObject body = Refusals.body(ctx);
        offload.submit(() -> {
            ConsentPurpose purpose = purpose(ctx.pathParam("purpose"));
            Consents.Given given;
            try {
                given = Consents.read(body);
            } catch (org.sahaya.server.admin.RecordRefused r) {
                throw Refusals.problem(r);
            }
            if (purpose == ConsentPurpose.EMERGENCY_DISPATCH && !given.granted()) {
                throw new ProblemException(Problem.ofField(409, "consent-required", "Consent required",
                        "EMERGENCY_DISPATCH is what the person is served for and cannot be withdrawn while they are:"
                                + " revoke their devices (POST /api/v1/devices/{id}/revocation) or erase the subscriber",
                        "granted"));
            }
            Consents.Recorded recorded = new Consents.Recorded(purpose, given.granted(), given.method(), by, clock.instant());
            return database.inTransaction(c -> {
                if (!SubscriberKind.exists(c, id)) {
                    throw Refusals.notFound("subscriber", id);
                }
                Consents.record(c, id, recorded);
                return Consents.json(recorded).put("purpose", purpose.name());
            });
        }).onSuccess(json -> Refusals.send(ctx, 200, json)).onFailure(ctx::fail);
    }

    /** {@code GET /api/v1/subscribers/{id}/consents}: the current word per purpose, and the history. */
    public void list(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        offload.submit(() -> database.withConnection(c -> {
            if (!SubscriberKind.exists(c, id)) {
                throw Refusals.notFound("subscriber", id);
            }
            JsonArray history = new JsonArray();
            Consents.history(c, id).forEach(r -> history.add(Consents.json(r).put("purpose", r.purpose().name())));
            return new JsonObject().put("consents", Consents.json(Consents.current(c, id))).put("history", history);
        })).onSuccess(json -> Refusals.send(ctx, 200, json)).onFailure(ctx::fail);
    }

    private static ConsentPurpose purpose(String given) {
        try {
            return ConsentPurpose.valueOf(given);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.ofField(404, "not-found", "Not found", "no consent purpose " + given
                    + " (EMERGENCY_DISPATCH, FAMILY_NOTIFICATION, SHARE_MEDICAL_PROFILE, ANONYMOUS_STATISTICS)", "purpose"));
        }
    }
}
