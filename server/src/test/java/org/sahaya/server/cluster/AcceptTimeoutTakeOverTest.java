package org.sahaya.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;

/**
 * The accept timeout survives the death of the member that owns the incident: the deadlines are in the
 * database, so the member that takes the incident over finds the job at its next sweep and sends the next unit.
 */
class AcceptTimeoutTakeOverTest {

    @TempDir
    Path data;

    /** One job row: id, unit, state, accept_by. */
    record JobRow(String id, String unit, String state, Instant acceptBy) {
    }

    @Test
    void theMemberThatTakesOverSendsTheNextUnitWhenTheOwnerDiedBeforeTheDeadline() throws Exception {
        try (ThreeMembers cluster = new ThreeMembers(data, Map.of("SAHAYA_ACCEPT_TIMEOUT_SECONDS", "10"))) {
            cluster.startAll();
            Node entry = cluster.node(0);
            DeviceClient devices = new DeviceClient(entry);
            HttpResponse<String> accepted = devices.send("demo-0220",
                    DeviceClient.alert("takeover-1", "demo-0220", "FALL").encode());
            assertThat(accepted.statusCode()).isEqualTo(202);
            String incidentId = new JsonObject(accepted.body()).getString("incidentId");
            List<JobRow> offered = await().atMost(Duration.ofSeconds(20)).until(() -> jobs(entry, incidentId),
                    j -> !j.isEmpty());
            JobRow first = offered.get(0);

            int owner = ownerOf(cluster, incidentId);
            Instant crashedAt = Instant.now();
            cluster.crash(owner);
            assertThat(crashedAt).as("the owner died before the offer ran out").isBefore(first.acceptBy());

            Node survivor = cluster.live().get(0);
            List<JobRow> after = await().atMost(Duration.ofSeconds(60)).until(() -> jobs(survivor, incidentId),
                    j -> j.size() >= 2 && "TIMED_OUT".equals(j.get(0).state()));
            assertThat(after.get(0).id()).isEqualTo(first.id());
            assertThat(after.get(1).unit()).isNotEqualTo(first.unit());
            assertThat(after.get(1).state()).isEqualTo("OFFERED");
        }
    }

    private static int ownerOf(ThreeMembers cluster, String incidentId) {
        var owner = cluster.node(0).grid().hazelcast().getPartitionService().getPartition(incidentId).getOwner();
        for (int i = 0; i < 3; i++) {
            if (cluster.node(i).grid().hazelcast().getCluster().getLocalMember().getUuid().equals(owner.getUuid())) {
                return i;
            }
        }
        throw new AssertionError("no member owns " + incidentId);
    }

    private static List<JobRow> jobs(Node node, String incidentId) {
        return node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, unit_id, state, accept_by FROM jobs WHERE incident_id = ? ORDER BY offered_at, id")) {
                ps.setString(1, incidentId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<JobRow> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new JobRow(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class).toInstant()));
                    }
                    return out;
                }
            }
        });
    }
}
