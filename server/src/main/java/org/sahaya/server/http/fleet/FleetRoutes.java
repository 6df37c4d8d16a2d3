package org.sahaya.server.http.fleet;

import static org.sahaya.server.access.Role.COORDINATOR;
import static org.sahaya.server.access.Role.FLEET;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RoutineLane;
import org.sahaya.server.http.RouteTable;

/**
 * The fleet partners' side: anyone may read a unit; a fleet (or coordinator) key reports its
 * position, routine traffic through the routine lane, and its status.
 */
public record FleetRoutes(RoutineLane routine, Access access, FleetHandlers fleet) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.of(
                "getUnit", (route, validation) -> route.addHandler(validation).addHandler(fleet::unit),
                "postUnitPosition", (route, validation) -> route.addHandler(routine)
                        .addHandler(access.require("postUnitPosition", FLEET, COORDINATOR)).addHandler(validation)
                        .addHandler(fleet::position),
                "putUnitStatus", (route, validation) -> route.addHandler(access.require("putUnitStatus", FLEET, COORDINATOR))
                        .addHandler(validation).addHandler(fleet::status));
    }
}
