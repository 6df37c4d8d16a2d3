package org.sahaya.server.cluster;

import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import org.sahaya.core.grid.Grid;

/**
 * The {@code cluster} readiness check: DOWN on a member that does not see a majority of the
 * configured members (the minority side of a split, or too few started), because such a member
 * holds dispatch; a load balancer then sends devices to the majority side.
 */
public final class ClusterReadiness implements Handler<Promise<Status>> {

    private final Grid grid;

    public ClusterReadiness(Grid grid) {
        this.grid = grid;
    }

    @Override
    public void handle(Promise<Status> promise) {
        int seen = grid.isRunning() ? grid.hazelcast().getCluster().getMembers().size() : 0;
        JsonObject data = new JsonObject().put("members", seen).put("majority", grid.majority());
        if (grid.hasMajority()) {
            promise.complete(Status.OK(data));
        } else {
            promise.complete(Status.KO(data.put("minority", true).put("reason", "minority: this member sees " + seen
                    + " member(s), dispatch needs " + grid.majority() + "; it holds dispatch until it sees a majority")));
        }
    }
}
