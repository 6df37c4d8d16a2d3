package org.sahaya.server.http.hospital;

import static org.sahaya.server.access.Role.COORDINATOR;
import static org.sahaya.server.access.Role.HOSPITAL;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RouteTable;
import org.sahaya.server.http.RoutineLane;

/**
 * The hospitals' side: anyone may read a bed board; a hospital (or coordinator) key reports free
 * beds, routine traffic through the routine lane.
 */
public record HospitalRoutes(RoutineLane routine, Access access, HospitalHandlers hospitals)
        implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        return Map.of(
                "getHospital", (route, validation) -> route.addHandler(validation).addHandler(hospitals::hospital),
                "putHospitalBeds", (route, validation) -> route.addHandler(routine)
                        .addHandler(access.require("putHospitalBeds", HOSPITAL, COORDINATOR)).addHandler(validation)
                        .addHandler(hospitals::beds));
    }
}
