package org.sahaya.server.http.incident;

import java.util.Map;
import org.sahaya.server.http.RouteTable;

/** The read side: an incident, the incident list, and the demo's sandbox inbox. Open to read, as today. */
public record IncidentRoutes(QueryHandlers queries) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.of(
                "getIncident", (route, validation) -> route.addHandler(validation).addHandler(queries::incident),
                "listIncidents", (route, validation) -> route.addHandler(validation).addHandler(queries::incidentList),
                "listSandboxMessages", (route, validation) -> route.addHandler(validation)
                        .addHandler(queries::sandboxMessages));
    }
}
