package org.sahaya.server.http.alert;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RouteTable;
import org.sahaya.server.http.device.DeviceAdmission;
import org.sahaya.server.http.device.DeviceSignatureHandler;
import org.sahaya.server.http.device.DuplicateKeyGuard;

/**
 * {@code POST /api/v1/alerts}: the device's signature before anything looks at the body, then a
 * refusal of duplicate keys, then the contract, then admission (heard; never refused for an emergency), then the alert itself.
 *
 * @param signature finds the device through the database's alert lane, never the routine pool
 */
public record AlertRoutes(Access access, DeviceSignatureHandler signature, DeviceAdmission admission, AlertHandler alerts)
        implements RouteTable {

    @Override
    public Map<String, Mount> routes() {
        access.own("postAlert", "the device's signature");
        return Map.of("postAlert", (route, validation) -> route.addHandler(signature)
                .addHandler(DuplicateKeyGuard.INSTANCE).addHandler(validation)
                .addHandler(admission.alerts()).addHandler(alerts));
    }
}
