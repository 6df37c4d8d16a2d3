package org.sahaya.server;

import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.cluster.ClusterReadiness;

/** The node's health checks: {@code /health/live} (the process answers) and {@code /health/ready}. */
final class NodeHealth {

    private NodeHealth() {
    }

    static HealthChecks liveness(Vertx vertx) {
        return HealthChecks.create(vertx).register("process", promise -> promise.complete(Status.OK()));
    }

    /** Ready: the database answers, the grid member runs, and (clustered) this member sees a majority. */
    static HealthChecks readiness(Vertx vertx, Database database, Grid grid, Offload offload) {
        return HealthChecks.create(vertx)
                .register("database", 2000, promise -> offload.submit(() -> database.withConnection(c -> c.isValid(1)))
                        .onComplete(r -> promise.complete(r.succeeded() && r.result() ? Status.OK() : Status.KO())))
                .register("grid", promise -> promise.complete(grid.isRunning() ? Status.OK() : Status.KO()))
                .register("cluster", new ClusterReadiness(grid));
    }
}
