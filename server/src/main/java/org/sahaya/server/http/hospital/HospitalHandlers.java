package org.sahaya.server.http.hospital;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumMap;
import java.util.Map;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.node.Offload;
import org.sahaya.dispatch.workflow.DispatchDesk;
import org.sahaya.server.access.Access;
import org.sahaya.server.access.Caller;
import org.sahaya.server.access.Role;
import org.sahaya.server.access.partners.PartnerScope;
import org.sahaya.server.http.JsonReply;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;

/**
 * The hospital side of the API, after authentication and contract validation: hospitals report
 * their free beds; anyone may read a bed board. An unknown id answers 404 and changes nothing. A
 * hospital's key (its partner id is the hospital's id) sets only its own beds: any other answers
 * 403 ({@code not-your-hospital}) and changes nothing. Coordinators and supervisors may set any.
 *
 * <p>A report is the hospital's own count of free beds; the beds Sahaya holds there for patients on the way
 * stay held and are set against it. The board shows per kind what the hospital reported, what Sahaya holds,
 * what is free for dispatch ({@code freeBeds}: reported less held, never below zero) and any shortfall (held
 * beyond the report).
 */
public final class HospitalHandlers {

    private final DispatchDesk desk;
    private final Offload offload;
    private final HospitalDecisionHandler decisions;

    public HospitalHandlers(DispatchDesk desk, Offload offload) {
        this.desk = desk;
        this.offload = offload;
        this.decisions = new HospitalDecisionHandler(desk, offload);
    }

    /** A receiving hospital accepts or declines its incoming patient ({@link HospitalDecisionHandler}). */
    public void decide(RoutingContext ctx) {
        decisions.decide(ctx);
    }

    /**
     * A bed board. A hospital key reads only its own (403 {@code not-your-hospital}); a fleet key any
     * (a crew needs its destination); people any.
     */
    public void hospital(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Caller caller = Access.caller(ctx);
        if (caller.kind() == Caller.Kind.PARTNER && caller.has(Role.HOSPITAL) && !caller.owns(id)) {
            ctx.fail(new ProblemException(Problem.ofField(403, "not-your-hospital", "Not your hospital",
                    "a hospital key reads only its own bed board, not that of " + id, "id")));
            return;
        }
        JsonReply.send(ctx, offload.submit(() -> desk.hospital(id))
                .map(h -> BedBoardView.of(h.orElseThrow(() -> unknownHospital(id)))));
    }

    public void beds(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Caller caller = Access.caller(ctx);
        if (!PartnerScope.maySetBedsOf(caller, id)) {
            ctx.fail(new ProblemException(Problem.ofField(403, "not-your-hospital", "Not your hospital",
                    "a key sets only its own hospital's beds, not those of " + id + ". Nothing changed", "id")));
            return;
        }
        JsonObject reported = ctx.body().asJsonObject().getJsonObject("freeBeds");
        Map<BedKind, Integer> free = new EnumMap<>(BedKind.class);
        reported.forEach(e -> free.put(BedKind.valueOf(e.getKey()), ((Number) e.getValue()).intValue()));
        JsonReply.send(ctx, offload.submit(() -> desk.beds(id, free))
                .map(h -> BedBoardView.of(h.orElseThrow(() -> unknownHospital(id)))));
    }

    private static ProblemException unknownHospital(String id) {
        return new ProblemException(Problem.ofField(404, "hospital-not-found", "Hospital not found",
                "no hospital has the id " + id, "id"));
    }

    /**
     * A hospital's bed board: beds free for dispatch per kind, how many of each are held for open incidents,
     * and per kind the whole reconciliation ({@code beds}).
     */
    public record BedBoardView(String id, String name, boolean partner, Map<BedKind, Integer> freeBeds,
                               Map<BedKind, Integer> reservedBeds, Map<BedKind, BedCount> beds) {
        static BedBoardView of(Hospital h) {
            Map<BedKind, Integer> reserved = new EnumMap<>(BedKind.class);
            h.reservations().values().forEach(k -> reserved.merge(k, 1, Integer::sum));
            Map<BedKind, BedCount> beds = new EnumMap<>(BedKind.class);
            h.kinds().forEach(k -> beds.put(k, BedCount.of(h, k)));
            return new BedBoardView(h.id(), h.name(), h.partner(), h.freeBeds(), reserved, beds);
        }
    }

    /**
     * One kind of bed on the board.
     *
     * @param reported  the hospital's own count of free beds, as last reported
     * @param held      beds Sahaya holds for patients on the way (not yet handed over)
     * @param free      free for dispatch: reported less held, never below zero
     * @param shortfall held beds the report does not cover; absent when there are none
     */
    public record BedCount(int reported, int held, int free,
                           @com.fasterxml.jackson.annotation.JsonInclude(
                                   com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Integer shortfall) {
        static BedCount of(Hospital h, BedKind kind) {
            int shortfall = h.shortfall(kind);
            return new BedCount(h.reported(kind), h.held(kind), h.free(kind), shortfall > 0 ? shortfall : null);
        }
    }
}
