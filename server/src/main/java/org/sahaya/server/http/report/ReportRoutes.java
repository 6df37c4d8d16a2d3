package org.sahaya.server.http.report;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.access.Role;
import org.sahaya.server.http.RouteTable;

/**
 * Service-level reports (issue 18): supervisors and auditors see every group; a fleet or hospital partner
 * is let through too, and sees only its own figures (the handler narrows the report to them).
 */
public record ReportRoutes(Access access, ReportHandlers handlers) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.of("slaReport", (route, validation) -> route.addHandler(access.require("slaReport", Role.SUPERVISOR,
                Role.AUDITOR, Role.FLEET, Role.HOSPITAL)).addHandler(validation).addHandler(handlers::sla));
    }
}
