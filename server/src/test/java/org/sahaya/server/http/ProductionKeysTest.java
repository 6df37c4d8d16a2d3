package org.sahaya.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.TestNode;

/** A production node (no demo) opens the partner APIs only to the keys it was configured with. */
class ProductionKeysTest {

    private static final String FLEET_KEY = "acme-fleet-0123456789abcdef";

    @TempDir
    static Path data;
    static Node node;
    static PartnerClient client;

    @BeforeAll
    static void start() throws Exception {
        node = Node.start(TestNode.config(data, false, Map.of("SAHAYA_API_KEYS", "fleet:acme:" + FLEET_KEY)),
                Clock.systemUTC());
        client = new PartnerClient(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void demoKeysAreRefusedOutsideDemoMode() {
        HttpResponse<String> r = client.put("/api/v1/units/AMB-001/status", PartnerClient.fleetKey("AMB-001"),
                PartnerClient.status("OUT_OF_SERVICE"));
        HttpResponse<String> beds = client.put("/api/v1/hospitals/H-01/beds", PartnerClient.hospitalKey("H-01"),
                new JsonObject().put("freeBeds", new JsonObject().put("ER", 1)));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(r.body()).getString("field")).isEqualTo("X-Api-Key");
        assertThat(beds.statusCode()).isEqualTo(401);
    }

    @Test
    void aConfiguredKeyIsLetThrough() {
        HttpResponse<String> r = client.put("/api/v1/units/AMB-001/status", FLEET_KEY, PartnerClient.status("OUT_OF_SERVICE"));

        // No units in an empty production node: authenticated, then told the unit is unknown.
        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void theCoordinatorApiNeedsACoordinatorKey() {
        HttpResponse<String> r = client.post("/api/v1/incidents/INC-1/close", FLEET_KEY,
                new JsonObject().put("reason", "duplicate call"));

        assertThat(r.statusCode()).isEqualTo(403);
    }
}
