package org.sahaya.server.access.people;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RouteTable;

/**
 * Login and logout. Neither takes a role: the login carries its own credential (username, password
 * and TOTP), the logout the session it ends, so both are declared to the gate with {@link Access#own}.
 */
public final class SessionRoutes implements RouteTable {

    private final SessionHandlers handlers;

    public SessionRoutes(Access access, SessionHandlers handlers) {
        this.handlers = handlers;
        access.own("login", "username, password and TOTP");
        access.own("logout", "the session itself");
    }

    @Override
    public Map<String, Mount> routes() {
        return Map.of(
                "login", (route, validation) -> route.addHandler(validation).addHandler(handlers::login),
                "logout", (route, validation) -> route.addHandler(validation).addHandler(handlers::logout));
    }
}
