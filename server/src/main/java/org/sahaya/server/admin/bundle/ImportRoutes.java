package org.sahaya.server.admin.bundle;

import static org.sahaya.server.access.Role.ADMIN;

import java.util.Map;
import org.sahaya.server.access.Access;
import org.sahaya.server.http.RouteTable;

/**
 * {@code POST /api/v1/imports} (admin): a city bundle into the running node. The bundle is checked by
 * the importer entry by entry (each refusal names its line), not by the contract's schema, which would
 * decode the whole body on the event loop; its body limit is its own ({@link #MAX_BODY_BYTES}).
 */
public record ImportRoutes(Access access, ImportHandler imports) implements RouteTable {

    /** The biggest bundle the route takes: about 100,000 subscribers with two contacts and a device each (60 MB), fewer with medical profiles. */
    public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    @Override
    public Map<String, Mount> routes() {
        return Map.of("importCity", (route, validation) -> route.addHandler(access.require("importCity", ADMIN))
                .addHandler(imports));
    }

    @Override
    public Map<String, Integer> bodyLimits() {
        return Map.of("importCity", MAX_BODY_BYTES);
    }
}
