package org.sahaya.server.gateway.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.Staff;
import org.sahaya.server.TestNode;

/**
 * DC-09 accounts administered over the API (issue 15): an account added is accepted by the receiver at
 * once, one deleted is refused (DUH) from its next message; the key is stored sealed and never answered;
 * a refused account changes nothing.
 */
class Dc09AccountApiTest {

    private static final String KEY = "SYNTHETIC-KEY-16";

    @TempDir
    static Path data;
    static Node node;
    static PartnerClient http;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(data, true);
        http = new PartnerClient(node.httpPort());
        admin = "Bearer " + Staff.login(node, "demo-admin");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anAccountAddedIsAcceptedAtOnceAndADeletedOneRefused() throws Exception {
        JsonObject account = new JsonObject().put("account", "7a01").put("deviceId", "demo-0377").put("key", KEY)
                .put("timestampWindowSeconds", 120);
        assertProblem(http.post("/api/v1/dc09-accounts", admin, account.copy().put("key", "too-short")), "key");
        assertProblem(http.post("/api/v1/dc09-accounts", admin, account.copy().put("deviceId", "no-such-device")), "deviceId");
        assertProblem(http.post("/api/v1/dc09-accounts", admin, account.copy().put("account", "XYZ")), "account");
        assertThat(http.send("GET", "/api/v1/dc09-accounts/7A01", admin, null).statusCode()).isEqualTo(404);
        try (Dc09Transmitter panel = new Dc09Transmitter(node.dc09Port())) {
            assertThat(panel.send(Dc09Transmitter.encrypted("SIA-DCS", "0001", "7A01", "Nri1/MA01", Instant.now(), KEY)))
                    .contains("DUH");
        }

        HttpResponse<String> created = http.post("/api/v1/dc09-accounts", admin, account);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(KEY).contains("\"hasKey\":true").contains("\"account\":\"7A01\"");
        String stored = node.database().withConnection(c -> {
            try (var ps = c.prepareStatement("SELECT encryption_key FROM dc09_accounts WHERE account = '7A01'");
                 var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(stored).doesNotContain(KEY);
        try (Dc09Transmitter panel = new Dc09Transmitter(node.dc09Port())) {
            assertThat(panel.send(Dc09Transmitter.encrypted("SIA-DCS", "0002", "7A01", "Nri1/MA01", Instant.now(), KEY)))
                    .startsWith("\"*ACK\"0002L0#7A01[");
        }

        HttpResponse<String> changed = http.put("/api/v1/dc09-accounts/7a01", admin, new JsonObject().put("receiver", "12"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(new JsonObject(changed.body()).getBoolean("hasKey")).isTrue();
        assertThat(http.send("GET", "/api/v1/dc09-accounts?deviceId=demo-0377", admin, null).body()).contains("7A01");

        assertThat(http.send("DELETE", "/api/v1/dc09-accounts/7A01", admin, null).statusCode()).isEqualTo(204);
        try (Dc09Transmitter panel = new Dc09Transmitter(node.dc09Port())) {
            assertThat(panel.send(Dc09Transmitter.encrypted("SIA-DCS", "0003", "7A01", "Nri1/MA01", Instant.now(), KEY)))
                    .contains("DUH");
        }
        assertThat(http.send("DELETE", "/api/v1/dc09-accounts/7A01", admin, null).statusCode()).isEqualTo(404);
    }

    private static void assertProblem(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isIn(400, 422);
        assertThat(new JsonObject(response.body()).getString("field")).isEqualTo(field);
    }
}
