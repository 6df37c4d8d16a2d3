package org.sahaya.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.sahaya.core.Coordinates;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.json.Json;
import org.sahaya.core.node.Offload;
import org.sahaya.dispatch.fleet.StatusChange;
import org.sahaya.dispatch.workflow.DispatchDesk;

/**
 * The partner side of the API, after authentication and contract validation: fleets report unit
 * positions and statuses, hospitals their free beds; anyone may read a unit or a bed board. Unknown
 * ids answer 404 and an illegal status move 409 naming both statuses; either way nothing changed.
 */
public final class PartnerHandlers {

    private final DispatchDesk desk;
    private final Offload offload;

    public PartnerHandlers(DispatchDesk desk, Offload offload) {
        this.desk = desk;
        this.offload = offload;
    }

    public void unit(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        reply(ctx, offload.submit(() -> desk.unit(id)).map(u -> UnitView.of(u.orElseThrow(() -> unknownUnit(id)))));
    }

    public void position(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonObject body = ctx.body().asJsonObject();
        Coordinates at = new Coordinates(body.getDouble("lat"), body.getDouble("lon"));
        reply(ctx, offload.submit(() -> desk.position(id, at)).map(u -> UnitView.of(u.orElseThrow(() -> unknownUnit(id)))));
    }

    public void status(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonObject body = ctx.body().asJsonObject();
        UnitStatus status = UnitStatus.valueOf(body.getString("status"));
        String note = body.getString("note");
        reply(ctx, offload.submit(() -> desk.status(id, status, note)).map(report -> switch (report.change()) {
            case StatusChange.Changed c -> UnitView.of(c.after());
            case StatusChange.Unknown u -> throw unknownUnit(id);
            case StatusChange.Illegal i -> throw new ProblemException(Problem.ofField(409, "illegal-status-transition",
                    "Illegal status transition", "unit " + id + " cannot move from " + i.unit().status() + " to "
                            + i.requested() + "; nothing changed", "status"));
        }));
    }

    public void hospital(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        reply(ctx, offload.submit(() -> desk.hospital(id)).map(h -> BedBoardView.of(h.orElseThrow(() -> unknownHospital(id)))));
    }

    public void beds(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonObject reported = ctx.body().asJsonObject().getJsonObject("freeBeds");
        Map<BedKind, Integer> free = new EnumMap<>(BedKind.class);
        reported.forEach(e -> free.put(BedKind.valueOf(e.getKey()), ((Number) e.getValue()).intValue()));
        reply(ctx, offload.submit(() -> desk.beds(id, free)).map(h -> BedBoardView.of(h.orElseThrow(() -> unknownHospital(id)))));
    }

    static ProblemException unknownUnit(String id) {
        return new ProblemException(Problem.ofField(404, "unit-not-found", "Unit not found", "no unit has the id " + id, "id"));
    }

    private static ProblemException unknownHospital(String id) {
        return new ProblemException(Problem.ofField(404, "hospital-not-found", "Hospital not found",
                "no hospital has the id " + id, "id"));
    }

    static void reply(RoutingContext ctx, Future<?> result) {
        result.onSuccess(body -> ctx.response().putHeader("Content-Type", "application/json").end(Json.write(body)))
                .onFailure(ctx::fail);
    }

    /** A unit as partners and coordinators read it. */
    public record UnitView(String id, String callSign, String level, String station, Coordinates position, String status,
                           String incidentId, Instant updatedAt) {
        static UnitView of(Unit u) {
            return new UnitView(u.id(), u.callSign(), u.level().name(), u.station(), u.position(), u.status().name(),
                    u.incidentId(), u.updatedAt());
        }
    }

    /** A hospital's bed board: free beds per kind and how many of each are reserved for open incidents. */
    public record BedBoardView(String id, String name, boolean partner, Map<BedKind, Integer> freeBeds,
                               Map<BedKind, Integer> reservedBeds) {
        static BedBoardView of(Hospital h) {
            Map<BedKind, Integer> reserved = new EnumMap<>(BedKind.class);
            h.reservations().values().forEach(k -> reserved.merge(k, 1, Integer::sum));
            return new BedBoardView(h.id(), h.name(), h.partner(), h.freeBeds(), reserved);
        }
    }
}
