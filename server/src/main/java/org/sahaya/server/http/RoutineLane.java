package org.sahaya.server.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Semaphore;
import org.sahaya.server.http.contract.Problem;

/**
 * Bounds how much routine traffic (heartbeats, unit positions, bed boards) the node works on at
 * once. Over the bound a request is answered 503 with {@code Retry-After} at once, instead of
 * queueing for a database connection until its client gives up: a device or partner sends its next
 * report anyway, while a queue of routine requests would hold the connections dispatch needs.
 * Alerts never pass through a lane; they have connections of their own (the database's alert lane).
 *
 * <p>Put it first on a route, before anything that reads the database. The permit is given back
 * when the response ends, however it ends.
 */
public final class RoutineLane implements Handler<RoutingContext> {

    private static final String HELD = "sahaya.routine-lane";

    private final Semaphore permits;
    private final int size;

    /** @param inFlight routine requests worked on at once */
    public RoutineLane(int inFlight) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("inFlight must be at least 1, was " + inFlight);
        }
        this.permits = new Semaphore(inFlight);
        this.size = inFlight;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.get(HELD) != null) {
            ctx.next();
            return;
        }
        if (!permits.tryAcquire()) {
            ctx.response().putHeader("Retry-After", "1");
            Problem.of(503, "busy", "Busy with other traffic",
                    "the node is working on " + size + " routine requests already; retry after 1 s"
                            + " (alerts are never refused for this)").send(ctx);
            return;
        }
        ctx.put(HELD, Boolean.TRUE);
        ctx.addEndHandler(done -> permits.release());
        ctx.next();
    }

    /** Routine requests being worked on now. */
    public int inFlight() {
        return size - permits.availablePermits();
    }
}
