package org.sahaya.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/** A node serves the audit routes behind the gate, and a graceful stop writes every line the gate recorded. */
class AuditNodeTest {

    @TempDir
    Path data;

    @Test
    void aRefusedReadOfTheAuditIsInTheLogAfterTheNodeStops() throws Exception {
        SahayaConfig config = TestNode.config(data, false, Map.of());
        Node node = Node.start(config, Clock.systemUTC());
        HttpResponse<String> refused;
        try {
            refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + node.httpPort() + "/api/v1/audit/verify"))
                    .header("Authorization", "Bearer no-such-session").build(), HttpResponse.BodyHandlers.ofString());
        } finally {
            node.close();
        }

        assertThat(refused.statusCode()).isEqualTo(401);
        try (Database database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword())) {
            List<AuditEntry> entries = AuditLogTest.all(database);
            assertThat(entries).singleElement().satisfies(e -> {
                assertThat(e.actor()).isEqualTo("anonymous");
                assertThat(e.action()).isEqualTo("verifyAudit");
                assertThat(e.record()).isEqualTo("audit/verify");
                assertThat(e.outcome()).isEqualTo("unknown-session");
                assertThat(e.address()).isEqualTo("127.0.0.1");
            });
            assertThat(new AuditVerifier(database).verify()).isEqualTo(new AuditVerdict(true, 1, null));
        }
    }
}
