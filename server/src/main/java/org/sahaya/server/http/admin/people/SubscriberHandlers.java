package org.sahaya.server.http.admin.people;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.access.Access;
import org.sahaya.server.admin.RecordRefused;
import org.sahaya.server.admin.people.SubscriberKind;
import org.sahaya.server.admin.people.SubscriberRecord;

/**
 * {@code /api/v1/subscribers}: create (201; the id given or made), read, replace and list with keyset
 * paging and filters. Each change goes through {@link SubscriberKind}, as the import's do; the
 * consents given are recorded under the admin's name.
 */
public final class SubscriberHandlers {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final Database database;
    private final Offload offload;
    private final SubscriberKind kind;

    public SubscriberHandlers(Database database, Offload offload, SubscriberKind kind) {
        this.database = database;
        this.offload = offload;
        this.kind = kind;
    }

    public void create(RoutingContext ctx) {
        JsonObject body = Refusals.body(ctx);
        if (body.getValue("id") == null) {
            body.put("id", Refusals.newId("S-"));
        }
        String by = Access.caller(ctx).name();
        offload.submit(() -> {
            SubscriberRecord record = read(body).recordedBy(by);
            return Refusals.inTransaction(database, c -> {
                if (SubscriberKind.exists(c, record.id())) {
                    throw Refusals.exists("subscriber", record.id());
                }
                kind.write(c, record);
                return kind.view(c, record.id()).orElseThrow();
            });
        }).onSuccess(json -> {
            Access.touched(ctx, "subscribers/" + json.getString("id"));
            ctx.response().putHeader("Location", "/api/v1/subscribers/" + json.getString("id"));
            Refusals.send(ctx, 201, json);
        }).onFailure(ctx::fail);
    }

    public void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        offload.submit(() -> database.withConnection(c -> kind.view(c, id)).orElseThrow(() -> Refusals.notFound("subscriber", id)))
                .onSuccess(json -> Refusals.send(ctx, 200, json)).onFailure(ctx::fail);
    }

    /** Replaces an existing subscriber's fields; consents in the body are recorded, absent ones left as they are. */
    public void put(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonObject body = Refusals.body(ctx).put("id", id);
        String by = Access.caller(ctx).name();
        offload.submit(() -> {
            SubscriberRecord record = read(body).recordedBy(by);
            return Refusals.inTransaction(database, c -> {
                if (!SubscriberKind.exists(c, id)) {
                    throw Refusals.notFound("subscriber", id);
                }
                kind.write(c, record);
                return kind.view(c, id).orElseThrow();
            });
        }).onSuccess(json -> Refusals.send(ctx, 200, json)).onFailure(ctx::fail);
    }

    /** {@code ?after=&limit=&name=&clientId=&language=}: answers {@code {items, next}}, next null on the last page. */
    public void list(RoutingContext ctx) {
        String after = ctx.queryParams().get("after");
        String given = ctx.queryParams().get("limit");
        int limit = given == null ? DEFAULT_LIMIT : Math.min(MAX_LIMIT, Math.max(1, Integer.parseInt(given)));
        String name = ctx.queryParams().get("name");
        String client = ctx.queryParams().get("clientId");
        String tag = ctx.queryParams().get("language");
        // Stored as the normalised tag (hi-IN): the filter is normalised the same way.
        String language = tag == null ? null : java.util.Locale.forLanguageTag(tag).toLanguageTag();
        offload.submit(() -> database.withConnection(c -> kind.page(c, after, limit + 1, name, client, language)))
                .onSuccess(rows -> {
                    List<JsonObject> items = rows.size() > limit ? rows.subList(0, limit) : rows;
                    String next = rows.size() > limit ? items.get(limit - 1).getString("id") : null;
                    Refusals.send(ctx, 200, new JsonObject().put("items", new JsonArray(items)).put("next", next));
                }).onFailure(ctx::fail);
    }

    private SubscriberRecord read(JsonObject body) {
        try {
            return kind.read(body);
        } catch (RecordRefused r) {
            throw Refusals.problem(r);
        }
    }
}
