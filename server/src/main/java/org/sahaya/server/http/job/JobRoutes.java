package org.sahaya.server.http.job;

import static org.sahaya.server.access.Role.COORDINATOR;
import static org.sahaya.server.access.Role.CREW;
import static org.sahaya.server.access.Role.FLEET;
import static org.sahaya.server.access.Role.SUPERVISOR;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RouteTable;

/**
 * Jobs to crews (issue 17): a unit's live job, accept, decline. A fleet's key for its own units, a crew for
 * its own unit, coordinators and supervisors for any.
 */
public record JobRoutes(Access access, JobHandlers jobs) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.of(
                "getUnitJob", (route, validation) -> route
                        .addHandler(access.require("getUnitJob", FLEET, CREW, COORDINATOR, SUPERVISOR))
                        .addHandler(validation).addHandler(jobs::unitJob),
                "acceptJob", (route, validation) -> route
                        .addHandler(access.require("acceptJob", FLEET, CREW, COORDINATOR, SUPERVISOR))
                        .addHandler(validation).addHandler(jobs::accept),
                "declineJob", (route, validation) -> route
                        .addHandler(access.require("declineJob", FLEET, CREW, COORDINATOR, SUPERVISOR))
                        .addHandler(validation).addHandler(jobs::decline));
    }
}
