package org.sahaya.server.http.device;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RouteTable;
import org.sahaya.server.http.RoutineLane;

/**
 * A device's routine traffic, {@code POST /api/v1/devices/{id}/heartbeat}: the routine lane first
 * (before anything reads the database), then the signature, duplicate keys refused, the contract, the rate limit and the
 * heartbeat.
 *
 * @param signature finds the device through the main pool, as routine traffic should
 */
public record DeviceRoutes(Access access, RoutineLane routine, DeviceSignatureHandler signature, DeviceAdmission admission,
                           HeartbeatHandler heartbeat) implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        access.own("postHeartbeat", "the device's signature");
        return Map.of("postHeartbeat", (route, validation) -> route.addHandler(routine).addHandler(signature)
                .addHandler(DuplicateKeyGuard.INSTANCE).addHandler(validation).addHandler(admission.routine()).addHandler(heartbeat));
    }
}
