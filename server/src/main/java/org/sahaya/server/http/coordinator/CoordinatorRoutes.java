package org.sahaya.server.http.coordinator;

import static org.sahaya.server.access.Role.COORDINATOR;
import static org.sahaya.server.access.Role.SUPERVISOR;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RouteTable;

/** The coordinator's commands, for coordinators and their supervisors: send this unit, close an incident. */
public record CoordinatorRoutes(Access access, CoordinatorHandlers coordinators) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.of(
                "postIncidentAssignment", (route, validation) -> route
                        .addHandler(access.require("postIncidentAssignment", COORDINATOR, SUPERVISOR))
                        .addHandler(validation).addHandler(coordinators::assign),
                "closeIncident", (route, validation) -> route
                        .addHandler(access.require("closeIncident", COORDINATOR, SUPERVISOR))
                        .addHandler(validation).addHandler(coordinators::close));
    }
}
