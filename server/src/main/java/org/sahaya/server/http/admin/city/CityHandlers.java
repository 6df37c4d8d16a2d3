package org.sahaya.server.http.admin.city;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.sahaya.core.node.Offload;
import org.sahaya.server.access.Access;
import org.sahaya.server.admin.city.CityKind;
import org.sahaya.server.admin.city.CityRecords;
import org.sahaya.server.http.partner.RosterHandlers;

/**
 * The administration of the city's records over HTTP, after the gate and contract validation: fleets'
 * units, hospitals, service areas and DC-09 accounts, each created, changed and removed through its
 * {@link CityKind} on a virtual thread and live on every member when the answer goes out. Each request's
 * audit entry names the record it touched ({@code units/AMB-9}), a creation's too.
 */
public final class CityHandlers {

    private final CityRecords records;
    private final Offload offload;

    public CityHandlers(CityRecords records, Offload offload) {
        this.records = records;
        this.offload = offload;
    }

    public void createUnit(RoutingContext ctx) {
        JsonObject body = Answers.body(ctx).put("fleet", ctx.pathParam("id"));
        create(ctx, "units/", body.getValue("id"), records.units(), body);
    }

    public void updateUnit(RoutingContext ctx) {
        update(ctx, "unit", records.units());
    }

    /** 204 when the unit is gone; 202 with the unit when it finishes its job first. */
    public void deleteUnit(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        offload.submit(() -> {
            CityRecords.Removal removal = records.removeUnit(id);
            return switch (removal) {
                case UNKNOWN -> throw Answers.notFound("unit", id, "id");
                case REMOVED -> null;
                case AFTER_JOB -> new JsonObject().put("id", id).put("removal", "AFTER_JOB")
                        .put("detail", "the unit finishes its job, then leaves; it is never dispatched again");
            };
        }).onSuccess(json -> {
            if (json == null) {
                ctx.response().setStatusCode(204).end();
            } else {
                ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json").end(json.encode());
            }
        }).onFailure(ctx::fail);
    }

    public void getFleet(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Answers.send(ctx, 200, offload.submit(() -> records.lists().fleet(id).orElseThrow(() -> Answers.notFound("fleet", id, "id"))));
    }

    public void createHospital(RoutingContext ctx) {
        JsonObject body = Answers.body(ctx);
        create(ctx, "hospitals/", body.getValue("id"), records.hospitals(), body);
    }

    public void updateHospital(RoutingContext ctx) {
        update(ctx, "hospital", records.hospitals());
    }

    public void deleteHospital(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Answers.noContent(ctx, offload.submit(() -> {
            if (!records.removeHospital(id)) {
                throw Answers.notFound("hospital", id, "id");
            }
            return null;
        }));
    }

    /** Creates or replaces the area: 201 when new, 200 when changed. */
    public void putArea(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        JsonObject body = Answers.body(ctx).put("name", name);
        offload.submit(() -> {
            if (records.get(records.areas(), name).isPresent()) {
                return new Stored(200, records.update(records.areas(), name, body).orElseThrow());
            }
            return new Stored(201, records.create(records.areas(), body));
        }).onSuccess(stored -> Answers.send(ctx, stored.status(), io.vertx.core.Future.succeededFuture(stored.json())))
                .onFailure(e -> Answers.send(ctx, 200, io.vertx.core.Future.failedFuture(e)));
    }

    private record Stored(int status, JsonObject json) {
    }

    public void getArea(RoutingContext ctx) {
        get(ctx, "service area", records.areas(), ctx.pathParam("name"), "name");
    }

    public void listAreas(RoutingContext ctx) {
        int limit = RosterHandlers.limit(ctx);
        String after = ctx.queryParams().get("after");
        RosterHandlers.page(ctx, limit, offload.submit(() -> records.lists().areaPage(after, limit + 1)), f -> f.getString("id"));
    }

    public void deleteArea(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Answers.noContent(ctx, offload.submit(() -> {
            if (!records.removeArea(name)) {
                throw Answers.notFound("service area", name, "name");
            }
            return null;
        }));
    }

    public void createAccount(RoutingContext ctx) {
        JsonObject body = Answers.body(ctx);
        Object account = body.getValue("account");
        create(ctx, "dc09-accounts/", account instanceof String s ? s.toUpperCase(java.util.Locale.ROOT) : account,
                records.accounts(), body);
    }

    public void getAccount(RoutingContext ctx) {
        get(ctx, "DC-09 account", records.accounts(), ctx.pathParam("account"), "account");
    }

    public void updateAccount(RoutingContext ctx) {
        String account = ctx.pathParam("account");
        JsonObject body = Answers.body(ctx);
        Answers.send(ctx, 200, offload.submit(() -> records.update(records.accounts(), account, body)
                .orElseThrow(() -> Answers.notFound("DC-09 account", account, "account"))));
    }

    public void deleteAccount(RoutingContext ctx) {
        String account = ctx.pathParam("account");
        Answers.noContent(ctx, offload.submit(() -> {
            if (!records.removeAccount(account)) {
                throw Answers.notFound("DC-09 account", account, "account");
            }
            return null;
        }));
    }

    public void listAccounts(RoutingContext ctx) {
        int limit = RosterHandlers.limit(ctx);
        String after = ctx.queryParams().get("after");
        String device = ctx.queryParams().get("deviceId");
        RosterHandlers.page(ctx, limit, offload.submit(() -> records.lists().accountPage(after, limit + 1, device)),
                a -> a.getString("account"));
    }

    private void create(RoutingContext ctx, String collection, Object id, CityKind<?> kind, JsonObject body) {
        if (id instanceof String s) {
            Access.touched(ctx, collection + s);
        }
        Answers.send(ctx, 201, offload.submit(() -> records.create(kind, body)));
    }

    private void update(RoutingContext ctx, String what, CityKind<?> kind) {
        String id = ctx.pathParam("id");
        JsonObject body = Answers.body(ctx);
        Answers.send(ctx, 200, offload.submit(() -> records.update(kind, id, body)
                .orElseThrow(() -> Answers.notFound(what, id, "id"))));
    }

    private void get(RoutingContext ctx, String what, CityKind<?> kind, String id, String field) {
        Answers.send(ctx, 200, offload.submit(() -> records.get(kind, id).orElseThrow(() -> Answers.notFound(what, id, field))));
    }
}
