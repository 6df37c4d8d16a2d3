package org.sahaya.server.http.admin.privacy;

import static org.sahaya.server.access.Role.ADMIN;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RouteTable;

/** Data-subject rights (issue 15): an admin exports or erases what is held about a subscriber. */
public record PrivacyRoutes(Access access, PrivacyHandlers handlers) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.of(
                "exportSubscriber", (route, validation) -> route.addHandler(access.require("exportSubscriber", ADMIN))
                        .addHandler(validation).addHandler(handlers::export),
                "eraseSubscriber", (route, validation) -> route.addHandler(access.require("eraseSubscriber", ADMIN))
                        .addHandler(validation).addHandler(handlers::erase));
    }
}
