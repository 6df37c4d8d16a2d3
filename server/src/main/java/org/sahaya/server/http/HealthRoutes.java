package org.sahaya.server.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The node's own operations: liveness, readiness and the Prometheus scrape. They take no input,
 * so they skip contract validation.
 */
public record HealthRoutes(Handler<RoutingContext> live, Handler<RoutingContext> ready,
                           Handler<RoutingContext> metrics) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.of(
                "live", (route, validation) -> route.addHandler(live),
                "ready", (route, validation) -> route.addHandler(ready),
                "metrics", (route, validation) -> route.addHandler(metrics));
    }
}
