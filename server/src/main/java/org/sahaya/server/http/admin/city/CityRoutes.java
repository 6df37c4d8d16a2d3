package org.sahaya.server.http.admin.city;

import static org.sahaya.server.access.Role.ADMIN;
import static org.sahaya.server.access.Role.COORDINATOR;
import static org.sahaya.server.access.Role.SUPERVISOR;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RouteTable;

/**
 * The city's records (issue 15): an admin creates, changes and removes units, hospitals, service areas
 * and DC-09 accounts; coordinators and supervisors read fleets and service areas (a console shows them).
 * DC-09 accounts are read by admins only.
 */
public record CityRoutes(Access access, CityHandlers city) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.ofEntries(
                admin("createUnit", city::createUnit),
                admin("updateUnit", city::updateUnit),
                admin("deleteUnit", city::deleteUnit),
                read("getFleet", city::getFleet),
                admin("createHospital", city::createHospital),
                admin("updateHospital", city::updateHospital),
                admin("deleteHospital", city::deleteHospital),
                admin("putServiceArea", city::putArea),
                read("getServiceArea", city::getArea),
                read("listServiceAreas", city::listAreas),
                admin("deleteServiceArea", city::deleteArea),
                admin("createDc09Account", city::createAccount),
                admin("listDc09Accounts", city::listAccounts),
                admin("getDc09Account", city::getAccount),
                admin("updateDc09Account", city::updateAccount),
                admin("deleteDc09Account", city::deleteAccount));
    }

    private Map.Entry<String, Mount> admin(String operation, Handler<RoutingContext> handler) {
        return Map.entry(operation, (route, validation) -> route.addHandler(access.require(operation, ADMIN))
                .addHandler(validation).addHandler(handler));
    }

    private Map.Entry<String, Mount> read(String operation, Handler<RoutingContext> handler) {
        return Map.entry(operation, (route, validation) -> route
                .addHandler(access.require(operation, ADMIN, SUPERVISOR, COORDINATOR))
                .addHandler(validation).addHandler(handler));
    }
}
