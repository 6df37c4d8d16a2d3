package org.sahaya.server.http.audit;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.access.Role;
import org.sahaya.server.http.RouteTable;

/**
 * The audit log for auditors and admins: its pages and its verification. Each read goes through the
 * gate, which writes it to the log it reads.
 */
public record AuditRoutes(Access access, AuditHandlers handlers) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.of(
                "listAudit", (route, validation) -> route.addHandler(access.require("listAudit", Role.AUDITOR, Role.ADMIN))
                        .addHandler(validation).addHandler(handlers::list),
                "verifyAudit", (route, validation) -> route.addHandler(access.require("verifyAudit", Role.AUDITOR,
                        Role.ADMIN)).addHandler(validation).addHandler(handlers::verify));
    }
}
