package org.sahaya.server.gateway.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.testing.MutableClock;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;
import org.sahaya.server.gateway.dc09.account.Dc09AccountRepository;

/**
 * Issue 14's DC-09 findings against a real demo node on a clock the test moves: a clear frame for an
 * account that does not allow clear text is answered as for an unknown account, a frame without a
 * timestamp is refused, and a frame replayed 18 minutes later never opens a second incident.
 */
class Dc09ReplayTest {

    @TempDir
    static Path data;
    static Node node;
    static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.HOURS));

    @BeforeAll
    static void start() throws Exception {
        node = Node.start(TestNode.config(data, true, Map.of()), CLOCK);
        node.database().inTransaction(c -> {
            Dc09AccountRepository accounts = new Dc09AccountRepository(org.sahaya.core.secret.MasterKey.load(
                    node.config().masterKey(), node.config().dataDir(), true).box());
            // An operator's new account: no key, clear text not allowed (the default).
            accounts.insert(c, new Dc09AccountRepository.Row("4001", null, null, "demo-0515", null, null, null, false));
            // A clear account whose panel keeps poor time: a 30-minute timestamp window of its own.
            accounts.insert(c, new Dc09AccountRepository.Row("4002", null, null, "demo-0516", null, null, 1800, false, true));
            return null;
        });
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /**
     * Moves the clock on to nine and a half minutes into the next ten-minute slot of the alert ids, so that 18
     * minutes later is two slots on (the receiver looked one slot back before issue 14).
     */
    private static void lateInASlot() {
        long slot = Duration.ofMinutes(10).toSeconds();
        long next = (Math.floorDiv(CLOCK.instant().getEpochSecond(), slot) + 1) * slot;
        CLOCK.set(Instant.ofEpochSecond(next + 9 * 60 + 30));
    }

    private static long count(String sql, String deviceId) {
        return node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, deviceId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static long alertsOf(String deviceId) {
        return count("SELECT COUNT(*) FROM alerts WHERE device_id = ?", deviceId);
    }

    private static long incidentsOf(String deviceId) {
        return count("SELECT COUNT(DISTINCT incident_id) FROM alerts WHERE device_id = ?", deviceId);
    }

    @Test
    void aClearFrameForAnAccountThatDoesNotAllowClearTextIsAnsweredAsAnUnknownAccountAndStoresNothing() throws Exception {
        try (Dc09Transmitter panel = new Dc09Transmitter(node.dc09Port())) {
            String refused = panel.send(Dc09Transmitter.plain("SIA-DCS", "0001", "4001", "Nri1/MA01", CLOCK.instant()));
            String unknown = panel.send(Dc09Transmitter.plain("SIA-DCS", "0001", "4999", "Nri1/MA01", CLOCK.instant()));

            assertThat(refused).isEqualTo("\"DUH\"0001L0#4001[]");
            assertThat(unknown).isEqualTo("\"DUH\"0001L0#4999[]");
        }
        assertThat(alertsOf("demo-0515")).isZero();
    }

    @Test
    void aClearMedicalAlarmWithoutATimestampGetsNakAndDispatchesNothing() throws Exception {
        try (Dc09Transmitter panel = new Dc09Transmitter(node.dc09Port())) {
            assertThat(panel.send(Dc09Transmitter.plain("SIA-DCS", "0002", "1013", "Nri1/MA01", null)))
                    .startsWith("\"NAK\"0000R0L0A0[]_");
        }
        assertThat(alertsOf("demo-0513")).isZero();
    }

    @Test
    void aFrameReplayedEighteenMinutesLaterIsRefusedByItsTimestampAndOpensNoSecondIncident() throws Exception {
        lateInASlot();
        String frame = Dc09Transmitter.plain("SIA-DCS", "0003", "1014", "Nri1/MA01", CLOCK.instant());
        try (Dc09Transmitter panel = new Dc09Transmitter(node.dc09Port())) {
            assertThat(panel.send(frame)).isEqualTo("\"ACK\"0003L0#1014[]");
        }
        CLOCK.advance(Duration.ofMinutes(18));
        try (Dc09Transmitter panel = new Dc09Transmitter(node.dc09Port())) {
            assertThat(panel.send(frame)).startsWith("\"NAK\"0000R0L0A0[]_");
        }
        assertThat(alertsOf("demo-0514")).isEqualTo(1);
        assertThat(incidentsOf("demo-0514")).isEqualTo(1);
    }

    @Test
    void aReplayWithinAnAccountsLongTimestampWindowIsAcknowledgedWithoutASecondIncident() throws Exception {
        lateInASlot();
        String frame = Dc09Transmitter.plain("SIA-DCS", "0004", "4002", "Nri1/MA01", CLOCK.instant());
        try (Dc09Transmitter panel = new Dc09Transmitter(node.dc09Port())) {
            assertThat(panel.send(frame)).isEqualTo("\"ACK\"0004L0#4002[]");
        }
        CLOCK.advance(Duration.ofMinutes(18));
        try (Dc09Transmitter panel = new Dc09Transmitter(node.dc09Port())) {
            assertThat(panel.send(frame)).isEqualTo("\"ACK\"0004L0#4002[]");
        }
        assertThat(alertsOf("demo-0516")).isEqualTo(1);
        assertThat(incidentsOf("demo-0516")).isEqualTo(1);
    }
}
