package org.sahaya.server.http.partner;

import static org.sahaya.server.access.Role.ADMIN;
import static org.sahaya.server.access.Role.COORDINATOR;
import static org.sahaya.server.access.Role.FLEET;
import static org.sahaya.server.access.Role.HOSPITAL;
import static org.sahaya.server.access.Role.SUPERVISOR;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RouteTable;

/**
 * Partners and what they own: an admin creates partners and rotates their keys; people and partners
 * list the units and hospitals with their owners, each partner only its own.
 */
public record PartnerRoutes(Access access, PartnerHandlers partners, RosterHandlers roster) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.of(
                "createPartner", (route, validation) -> route.addHandler(access.require("createPartner", ADMIN))
                        .addHandler(validation).addHandler(partners::create),
                "rotatePartnerKey", (route, validation) -> route.addHandler(access.require("rotatePartnerKey", ADMIN))
                        .addHandler(validation).addHandler(partners::rotate),
                "listPartners", (route, validation) -> route.addHandler(access.require("listPartners", ADMIN))
                        .addHandler(validation).addHandler(partners::list),
                "listUnits", (route, validation) -> route.addHandler(
                                access.require("listUnits", COORDINATOR, SUPERVISOR, ADMIN, FLEET))
                        .addHandler(validation).addHandler(roster::units),
                "listHospitals", (route, validation) -> route.addHandler(
                                access.require("listHospitals", COORDINATOR, SUPERVISOR, ADMIN, HOSPITAL, FLEET))
                        .addHandler(validation).addHandler(roster::hospitals));
    }
}
