package org.sahaya.server.http.partner;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import org.sahaya.core.Coordinates;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.HospitalRepository;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.persistence.UnitRepository;
import org.sahaya.server.access.Access;
import org.sahaya.server.access.Caller;
import org.sahaya.server.access.Role;
import org.sahaya.server.http.JsonReply;
import org.sahaya.server.http.fleet.FleetHandlers.UnitView;

/**
 * The city's units and hospitals, each with the partner that owns it, in pages of at most
 * {@value #MAX_LIMIT} by id ({@code limit}, {@code after}; the header {@value #NEXT} names the
 * {@code after} of the next page when there may be one). Read from the database, which the grid
 * writes through: a list is an occasional read, never on the path of a report.
 *
 * <p>Scoped to the caller: a fleet key lists only its own units, a hospital key only its own
 * hospital. A fleet key lists every hospital (names and places are public, and crews need the name
 * of the hospital they drive to).
 */
public final class RosterHandlers {

    static final String NEXT = "X-Next-After";
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;

    private final Database database;
    private final Offload offload;
    private final UnitRepository units = new UnitRepository();
    private final HospitalRepository hospitals = new HospitalRepository();

    public RosterHandlers(Database database, Offload offload) {
        this.database = database;
        this.offload = offload;
    }

    /**
     * Filters (issue 15): {@code fleet}, {@code status}, {@code level}; a unit removed by an admin is not
     * listed. A fleet key asking for another fleet gets an empty page.
     */
    public void units(RoutingContext ctx) {
        Caller caller = Access.caller(ctx);
        String only = seesAll(caller) ? null : partnerOr(caller, Role.FLEET);
        String fleet = ctx.queryParams().get("fleet");
        String partner = only == null ? fleet : fleet == null || fleet.equals(only) ? only : "";
        String status = ctx.queryParams().get("status");
        String level = ctx.queryParams().get("level");
        UnitRepository.Filter filter = new UnitRepository.Filter(partner,
                status == null ? null : UnitStatus.valueOf(status), level == null ? null : UnitLevel.valueOf(level), false);
        int limit = limit(ctx);
        String after = ctx.queryParams().get("after");
        page(ctx, limit, offload.submit(() -> database.withConnection(c -> units.page(c, after, limit + 1, filter))
                .stream().map(UnitView::of).toList()), UnitView::id);
    }

    public void hospitals(RoutingContext ctx) {
        Caller caller = Access.caller(ctx);
        String only = seesAll(caller) || caller.has(Role.FLEET) ? null : partnerOr(caller, Role.HOSPITAL);
        int limit = limit(ctx);
        String after = ctx.queryParams().get("after");
        String preferred = ctx.queryParams().get("preferred");
        Boolean prefers = preferred == null ? null : Boolean.valueOf(preferred);
        page(ctx, limit, offload.submit(() -> database.withConnection(c -> hospitals.page(c, after, limit + 1, only, prefers))
                .stream().map(HospitalEntry::of).toList()), HospitalEntry::id);
    }

    private static boolean seesAll(Caller caller) {
        return caller.has(Role.COORDINATOR) || caller.has(Role.SUPERVISOR) || caller.has(Role.ADMIN);
    }

    /** The caller's own partner; a caller bound to none sees nothing (an id no row has). */
    private static String partnerOr(Caller caller, Role role) {
        return caller.has(role) && caller.partner() != null ? caller.partner() : "";
    }

    /** The page size asked for ({@code limit}, default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}). */
    public static int limit(RoutingContext ctx) {
        String given = ctx.queryParams().get("limit");
        return given == null ? DEFAULT_LIMIT : Math.min(MAX_LIMIT, Math.max(1, Integer.parseInt(given)));
    }

    /**
     * Answers a page of at most {@code limit} of {@code rows} (read with one more, to know whether more
     * follow), the header {@value #NEXT} naming the next page's {@code after} when they do.
     */
    public static <T> void page(RoutingContext ctx, int limit, Future<List<T>> rows, Function<T, String> id) {
        JsonReply.send(ctx, rows.map(all -> {
            if (all.size() > limit) {
                ctx.response().putHeader(NEXT, id.apply(all.get(limit - 1)));
                return all.subList(0, limit);
            }
            return all;
        }));
    }

    /**
     * A hospital in the list: {@code partner} is the partner id (a hospital's own id), {@code preferred}
     * whether dispatch prefers it at equal ETA (what the bed board calls {@code partner}).
     */
    public record HospitalEntry(String id, String name, String partner, boolean preferred, Coordinates position) {
        static HospitalEntry of(Hospital h) {
            return new HospitalEntry(h.id(), h.name(), h.id(), h.partner(), h.position());
        }
    }
}
