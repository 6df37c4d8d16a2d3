package org.sahaya.server.http.fleet;

import static org.sahaya.server.access.Role.ADMIN;
import static org.sahaya.server.access.Role.COORDINATOR;
import static org.sahaya.server.access.Role.CREW;
import static org.sahaya.server.access.Role.FLEET;
import static org.sahaya.server.access.Role.SUPERVISOR;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RoutineLane;
import org.sahaya.server.http.RouteTable;

/**
 * The fleet partners' side: a fleet key reads and reports its own units (position through the
 * routine lane, status); a crew its own unit only; coordinators and supervisors any unit; an admin reads them.
 */
public record FleetRoutes(RoutineLane routine, Access access, FleetHandlers fleet) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.of(
                "getUnit", (route, validation) -> route
                        .addHandler(access.require("getUnit", FLEET, CREW, COORDINATOR, SUPERVISOR, ADMIN))
                        .addHandler(validation).addHandler(fleet::unit),
                "postUnitPosition", (route, validation) -> route.addHandler(routine)
                        .addHandler(access.require("postUnitPosition", FLEET, CREW, COORDINATOR, SUPERVISOR))
                        .addHandler(validation).addHandler(fleet::position),
                "putUnitStatus", (route, validation) -> route
                        .addHandler(access.require("putUnitStatus", FLEET, CREW, COORDINATOR, SUPERVISOR))
                        .addHandler(validation).addHandler(fleet::status));
    }
}
