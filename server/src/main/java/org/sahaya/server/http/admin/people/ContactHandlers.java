package org.sahaya.server.http.admin.people;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.access.Access;
import org.sahaya.server.admin.RecordRefused;
import org.sahaya.server.admin.people.ContactKind;
import org.sahaya.server.admin.people.ContactRecord;
import org.sahaya.server.admin.people.SubscriberKind;

/**
 * A subscriber's family contacts: create (201), {@code putContact} (create or replace under the
 * caller's id), read and list. Every write goes through {@link ContactKind}, the one path a contact
 * is stored by (the import's too): a number that is not a valid phone number is refused naming
 * {@code phone}, and nothing is saved.
 */
public final class ContactHandlers {

    private final Database database;
    private final Offload offload;
    private final ContactKind kind;

    public ContactHandlers(Database database, Offload offload, ContactKind kind) {
        this.database = database;
        this.offload = offload;
        this.kind = kind;
    }

    /** {@code POST /api/v1/subscribers/{id}/contacts}: the id given in the body or made. */
    public void create(RoutingContext ctx) {
        JsonObject body = Refusals.body(ctx).put("subscriberId", ctx.pathParam("id"));
        if (body.getValue("id") == null) {
            body.put("id", Refusals.newId("C-"));
        }
        offload.submit(() -> {
            ContactRecord record = read(body);
            return Refusals.inTransaction(database, c -> {
                if (kind.view(c, record.contact().id()).isPresent()) {
                    throw Refusals.exists("contact", record.contact().id());
                }
                kind.write(c, record);
                return kind.view(c, record.contact().id()).orElseThrow();
            });
        }).onSuccess(json -> {
            Access.touched(ctx, "contacts/" + json.getString("id"));
            ctx.response().putHeader("Location", "/api/v1/contacts/" + json.getString("id"));
            Refusals.send(ctx, 201, json);
        }).onFailure(ctx::fail);
    }

    /** {@code PUT /api/v1/subscribers/{id}/contacts/{contactId}}: creates or replaces. */
    public void put(RoutingContext ctx) {
        JsonObject body = Refusals.body(ctx).put("subscriberId", ctx.pathParam("id")).put("id", ctx.pathParam("contactId"));
        offload.submit(() -> {
            ContactRecord record = read(body);
            return Refusals.inTransaction(database, c -> {
                kind.write(c, record);
                return kind.view(c, record.contact().id()).orElseThrow();
            });
        }).onSuccess(json -> Refusals.send(ctx, 200, json)).onFailure(ctx::fail);
    }

    public void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        offload.submit(() -> database.withConnection(c -> kind.view(c, id)).orElseThrow(() -> Refusals.notFound("contact", id)))
                .onSuccess(json -> Refusals.send(ctx, 200, json)).onFailure(ctx::fail);
    }

    /** {@code DELETE /api/v1/contacts/{id}}: 204; 409 once the contact was sent messages. */
    public void delete(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        offload.submit(() -> database.inTransaction(c -> kind.delete(c, id))).onSuccess(deleted -> {
            switch (deleted) {
                case DELETED -> ctx.response().setStatusCode(204).end();
                case UNKNOWN -> ctx.fail(Refusals.notFound("contact", id));
                case HAS_MESSAGES -> ctx.fail(new org.sahaya.server.http.contract.ProblemException(
                        org.sahaya.server.http.contract.Problem.ofField(409, "contact-has-messages", "Contact has messages",
                                "contact " + id + " was sent messages, which are part of incidents' records; move it down"
                                        + " the call tree (rank) instead, or erase the subscriber", "id")));
            }
        }).onFailure(ctx::fail);
    }

    /** The subscriber's contacts in call order: {@code {items}}. */
    public void list(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        offload.submit(() -> database.withConnection(c -> {
            if (!SubscriberKind.exists(c, id)) {
                throw Refusals.notFound("subscriber", id);
            }
            return new JsonObject().put("items", new JsonArray(kind.ofSubscriber(c, id)));
        })).onSuccess(json -> Refusals.send(ctx, 200, json)).onFailure(ctx::fail);
    }

    private ContactRecord read(JsonObject body) {
        try {
            return kind.read(body);
        } catch (RecordRefused r) {
            throw Refusals.problem(r);
        }
    }
}
