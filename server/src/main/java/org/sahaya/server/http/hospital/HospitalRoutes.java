package org.sahaya.server.http.hospital;

import static org.sahaya.server.access.Role.ADMIN;
import static org.sahaya.server.access.Role.COORDINATOR;
import static org.sahaya.server.access.Role.FLEET;
import static org.sahaya.server.access.Role.HOSPITAL;
import static org.sahaya.server.access.Role.SUPERVISOR;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RouteTable;
import org.sahaya.server.http.RoutineLane;

/**
 * The hospitals' side: a hospital key reads and reports its own bed board (through the routine
 * lane); coordinators and supervisors any; fleets read a board (a crew needs its destination). Only a
 * hospital decides about its own incoming patients (accept or decline).
 */
public record HospitalRoutes(RoutineLane routine, Access access, HospitalHandlers hospitals)
        implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.of(
                "getHospital", (route, validation) -> route
                        .addHandler(access.require("getHospital", HOSPITAL, FLEET, COORDINATOR, SUPERVISOR, ADMIN))
                        .addHandler(validation).addHandler(hospitals::hospital),
                "putHospitalBeds", (route, validation) -> route.addHandler(routine)
                        .addHandler(access.require("putHospitalBeds", HOSPITAL, COORDINATOR, SUPERVISOR))
                        .addHandler(validation).addHandler(hospitals::beds),
                "decideHospital", (route, validation) -> route
                        .addHandler(access.require("decideHospital", HOSPITAL))
                        .addHandler(validation).addHandler(hospitals::decide));
    }
}
