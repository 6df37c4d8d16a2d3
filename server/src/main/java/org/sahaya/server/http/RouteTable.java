package org.sahaya.server.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import java.util.Map;

/**
 * What one feature adds to the HTTP API: the handlers of the contract operations it serves.
 * {@link HttpApi} walks the contract's operations and asks the tables for each; an operation no
 * table serves, one that two tables serve, or one the contract does not have stops the node at
 * start, so the contract and the code cannot drift apart.
 *
 * <p>Extension point: a new feature writes a table beside its handlers and {@code ApiWiring}
 * hands it to {@link HttpApi#router}.
 */
public interface RouteTable {

    /** This table's operations, by the contract's {@code operationId}. */
    Map<String, Mount> routes();

    /**
     * Operations that take a bigger body than the node's limit ({@code SAHAYA_MAX_ALERT_BYTES}), by
     * {@code operationId}, with their own limit in bytes (a city bundle for {@code importCity}). Only a
     * request that carries credentials gets the bigger limit; the gate checks them after the body is read.
     */
    default Map<String, Integer> bodyLimits() {
        return Map.of();
    }

    /** Puts one operation's handlers on its route, in the order they run. */
    @FunctionalInterface
    interface Mount {

        /**
         * @param validation checks the request against the contract and answers a problem when it
         *                   breaks it; goes after authentication, so an unauthenticated caller learns
         *                   nothing about the body's rules
         */
        void on(OpenAPIRoute route, Handler<RoutingContext> validation);
    }
}
