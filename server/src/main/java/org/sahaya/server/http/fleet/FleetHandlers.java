package org.sahaya.server.http.fleet;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Optional;
import org.sahaya.core.Coordinates;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.node.Offload;
import org.sahaya.dispatch.fleet.StatusChange;
import org.sahaya.dispatch.workflow.DispatchDesk;
import org.sahaya.server.access.Access;
import org.sahaya.server.access.Caller;
import org.sahaya.server.access.Role;
import org.sahaya.server.access.partners.PartnerScope;
import org.sahaya.server.http.JsonReply;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;

/**
 * The fleet side of the API, after authentication and contract validation: fleets report unit
 * positions and statuses; anyone may read a unit. An unknown id answers 404 and an illegal status
 * move 409 naming both statuses; either way nothing changed. A fleet's key reports only the units
 * its fleet owns: another fleet's unit answers 403 ({@code not-your-unit}) before anything is
 * changed. A crew (a person bound to one unit) reads and reports only its own unit, and is told
 * {@code not-your-unit} for any other id, whether or not such a unit exists. Coordinators and
 * supervisors (people) may report for any unit.
 */
public final class FleetHandlers {

    private final DispatchDesk desk;
    private final Offload offload;

    public FleetHandlers(DispatchDesk desk, Offload offload) {
        this.desk = desk;
        this.offload = offload;
    }

    /** A unit; a fleet key reads only its own fleet's units, a crew its own unit (403 {@code not-your-unit} otherwise). */
    public void unit(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Caller caller = Access.caller(ctx);
        JsonReply.send(ctx, offload.submit(() -> {
            if (PartnerScope.boundToUnits(caller)) {
                ownUnit(caller, id);
            }
            Optional<Unit> unit = desk.unit(id);
            return UnitView.of(unit.orElseThrow(() -> unknownUnit(id)));
        }));
    }

    public void position(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Caller caller = Access.caller(ctx);
        JsonObject body = ctx.body().asJsonObject();
        Coordinates at = new Coordinates(body.getDouble("lat"), body.getDouble("lon"));
        JsonReply.send(ctx, offload.submit(() -> ownUnit(caller, id) ? desk.position(id, at) : Optional.<Unit>empty())
                .map(u -> UnitView.of(u.orElseThrow(() -> unknownUnit(id)))));
    }

    public void status(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Caller caller = Access.caller(ctx);
        JsonObject body = ctx.body().asJsonObject();
        UnitStatus status = UnitStatus.valueOf(body.getString("status"));
        String note = body.getString("note");
        JsonReply.send(ctx, offload.submit(() -> {
            ownUnit(caller, id);
            return desk.status(id, status, note);
        }).map(report -> switch (report.change()) {
            case StatusChange.Changed c -> UnitView.of(c.after());
            case StatusChange.Unknown u -> throw unknownUnit(id);
            case StatusChange.Illegal i -> throw new ProblemException(Problem.ofField(409, "illegal-status-transition",
                    "Illegal status transition", "unit " + id + " cannot move from " + i.unit().status() + " to "
                            + i.requested() + "; nothing changed", "status"));
        }));
    }

    /**
     * Whether the unit exists for this caller to report on: people who dispatch may touch any unit, a
     * fleet's key only its fleet's, a crew only its own. False for an unknown unit (the caller answers 404).
     *
     * @throws ProblemException 403 {@code not-your-unit} for another fleet's unit, or any unit but a crew's own
     */
    private boolean ownUnit(Caller caller, String id) {
        if (PartnerScope.dispatches(caller)) {
            return true;
        }
        if (caller.has(Role.CREW) && !caller.crews(id)) {
            // Before the lookup: a crew's answer for another id says nothing about whether that unit exists.
            throw new ProblemException(Problem.ofField(403, "not-your-unit", "Not your unit", "unit " + id
                    + " is not your unit; a crew acts for its own unit only. Nothing changed", "id"));
        }
        Optional<Unit> unit = desk.unit(id);
        if (unit.isPresent() && !PartnerScope.mayReportFor(caller, id, unit.get().partner())) {
            throw new ProblemException(Problem.ofField(403, "not-your-unit", "Not your unit", "unit " + id
                    + " belongs to another fleet; a key reports only its own fleet's units. Nothing changed", "id"));
        }
        return unit.isPresent();
    }

    private static ProblemException unknownUnit(String id) {
        return new ProblemException(Problem.ofField(404, "unit-not-found", "Unit not found", "no unit has the id " + id, "id"));
    }

    /** A unit as partners and coordinators read it, with the fleet partner that owns it. */
    public record UnitView(String id, String callSign, String level, String station, Coordinates position, String status,
                           String incidentId, Instant updatedAt, String partner) {
        public static UnitView of(Unit u) {
            return new UnitView(u.id(), u.callSign(), u.level().name(), u.station(), u.position(), u.status().name(),
                    u.incidentId(), u.updatedAt(), u.partner());
        }
    }
}
