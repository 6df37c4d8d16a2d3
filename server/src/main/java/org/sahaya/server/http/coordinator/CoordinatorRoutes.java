package org.sahaya.server.http.coordinator;

import static org.sahaya.core.config.ApiKey.Role.COORDINATOR;

import java.util.Map;
import org.sahaya.server.http.ApiKeyHandler;
import org.sahaya.server.http.RouteTable;

/** The coordinator's commands, each behind a coordinator key: send this unit, close an incident. */
public record CoordinatorRoutes(ApiKeyHandler apiKeys, CoordinatorHandlers coordinators) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.of(
                "postIncidentAssignment", (route, validation) -> route.addHandler(apiKeys.require(COORDINATOR))
                        .addHandler(validation).addHandler(coordinators::assign),
                "closeIncident", (route, validation) -> route.addHandler(apiKeys.require(COORDINATOR))
                        .addHandler(validation).addHandler(coordinators::close));
    }
}
