package org.sahaya.server.http.incident;

import static org.sahaya.server.access.Role.ADMIN;
import static org.sahaya.server.access.Role.AUDITOR;
import static org.sahaya.server.access.Role.COORDINATOR;
import static org.sahaya.server.access.Role.FLEET;
import static org.sahaya.server.access.Role.HOSPITAL;
import static org.sahaya.server.access.Role.SUPERVISOR;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RouteTable;
import org.sahaya.server.http.contract.Problem;

/**
 * The read side, on a need-to-know basis: coordinators, supervisors and auditors read incidents;
 * a fleet only the jobs of its own units and a hospital only the patients coming to it, each in a
 * narrower view ({@link QueryHandlers}). The sandbox inbox exists only on a demo node.
 *
 * @param demo whether the node runs the demo (and so has a sandbox inbox to show)
 */
public record IncidentRoutes(Access access, QueryHandlers queries, boolean demo) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.of(
                "getIncident", (route, validation) -> route
                        .addHandler(access.require("getIncident", COORDINATOR, SUPERVISOR, AUDITOR, FLEET, HOSPITAL))
                        .addHandler(validation).addHandler(queries::incident),
                "listIncidents", (route, validation) -> route
                        .addHandler(access.require("listIncidents", COORDINATOR, SUPERVISOR, AUDITOR, FLEET, HOSPITAL))
                        .addHandler(validation).addHandler(queries::incidentList),
                "listSandboxMessages", (route, validation) -> {
                    if (!demo) {
                        access.own("listSandboxMessages", "none: only a demo node has a sandbox inbox");
                        route.addHandler(ctx -> Problem.of(404, "not-found", "Not found",
                                "only a demo node has a sandbox inbox").send(ctx));
                        return;
                    }
                    route.addHandler(access.require("listSandboxMessages", COORDINATOR, SUPERVISOR, AUDITOR, ADMIN))
                            .addHandler(validation).addHandler(queries::sandboxMessages);
                });
    }
}
