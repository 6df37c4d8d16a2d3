package org.sahaya.server;

import java.security.SecureRandom;
import java.time.Clock;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.access.Access;
import org.sahaya.server.access.FailureThrottle;
import org.sahaya.server.access.people.DemoUsers;
import org.sahaya.server.access.people.Logins;
import org.sahaya.server.access.people.Passwords;
import org.sahaya.server.access.people.SessionHandlers;
import org.sahaya.server.access.people.SessionRoutes;
import org.sahaya.server.access.people.Sessions;
import org.sahaya.server.access.people.TotpSteps;
import org.sahaya.server.access.people.UserDirectory;
import org.sahaya.server.audit.Audit;
import org.sahaya.server.http.RouteTable;

/**
 * People's accounts on a node: the user directory (with the demo users on a demo node only), the
 * sessions in the grid (the {@link org.sahaya.server.access.SessionLookup} of the {@link Access}
 * gate) and the login and logout routes.
 */
final class PeopleWiring {

    private final Sessions sessions;
    private final Logins logins;
    private final Offload offload;

    private PeopleWiring(Sessions sessions, Logins logins, Offload offload) {
        this.sessions = sessions;
        this.logins = logins;
        this.offload = offload;
    }

    static PeopleWiring of(SahayaConfig config, Database database, Grid grid, Offload offload, Audit audit,
                           Clock clock) {
        SecureRandom random = new SecureRandom();
        Passwords passwords = new Passwords(org.sahaya.server.access.people.PasswordHash.Cost.OWASP, random);
        UserDirectory users = new UserDirectory(database, config.demo()
                ? new DemoUsers(passwords, clock.instant(), unitId -> grid.unit(unitId).isPresent()) : null);
        Sessions sessions = new Sessions(grid.hazelcast(), users, offload, config.logins(), clock, random);
        FailureThrottle byAccount = new FailureThrottle(config.logins().failures(), config.logins().failureWindow(), clock);
        FailureThrottle byAddress = new FailureThrottle(config.logins().failures(), config.logins().failureWindow(), clock);
        Logins logins = new Logins(users, passwords, new TotpSteps(grid.hazelcast()), sessions, byAccount, byAddress,
                audit, clock);
        return new PeopleWiring(sessions, logins, offload);
    }

    /** The gate's session lookup. */
    Sessions sessions() {
        return sessions;
    }

    /** Login and logout, declared to {@code access} as operations with their own credential. */
    RouteTable routes(Access access) {
        return new SessionRoutes(access, new SessionHandlers(logins, offload));
    }
}
