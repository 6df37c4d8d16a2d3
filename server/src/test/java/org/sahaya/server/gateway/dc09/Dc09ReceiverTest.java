package org.sahaya.server.gateway.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/**
 * A panel speaking DC-09 over a real TCP socket to a real demo node. Each test uses its own demo
 * hub (account {@code 100n} and {@code 200n} are hub {@code demo-050n}) so their incidents never meet.
 */
class Dc09ReceiverTest {

    private static final String KEY = "SAHAYA-DEMO-KEY!";
    private static final DateTimeFormatter ANSWER_TIME = DateTimeFormatter.ofPattern("HH:mm:ss,MM-dd-yyyy");

    @TempDir
    static Path data;
    static Node node;

    @BeforeAll
    static void start() throws Exception {
        node = Node.start(TestNode.config(data, true, Map.of("SAHAYA_DC09_IDLE_SECONDS", "2",
                "SAHAYA_DEVICE_BURST", "5")), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Dc09Transmitter panel() throws Exception {
        return new Dc09Transmitter(node.dc09Port());
    }

    /** (alert type, incident state) of every alert the hub's device sent, oldest first. */
    private static List<String> alertsOf(String deviceId) {
        return node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.alert_type, i.state FROM alerts a"
                    + " JOIN incidents i ON i.id = a.incident_id WHERE a.device_id = ? ORDER BY a.received_at")) {
                ps.setString(1, deviceId);
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1) + " " + rs.getString(2));
                    }
                }
                return rows;
            }
        });
    }

    private static long incidentsOfSubscriber(String subscriberId) {
        return node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM incidents WHERE subscriber_id = ?")) {
                ps.setString(1, subscriberId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static void assertIsNakWithOurTime(String answer) {
        assertThat(answer).startsWith("\"NAK\"0000R0L0A0[]_");
        Instant ours = LocalDateTime.parse(answer.substring(answer.indexOf('_') + 1), ANSWER_TIME).toInstant(ZoneOffset.UTC);
        assertThat(Duration.between(ours, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void listeningLineNamesTheDc09Port() {
        assertThat(node.listeningLine()).contains(" dc09=" + node.dc09Port() + " ");
        assertThat(node.dc09Port()).isPositive();
    }

    @Test
    void unencryptedContactIdMedicalAlarmIsAcknowledgedAndOpensAnIncident() throws Exception {
        try (Dc09Transmitter panel = panel()) {
            String answer = panel.send(Dc09Transmitter.plain("ADM-CID", "0001", "1001", "1100 01 015", Instant.now()));

            assertThat(answer).isEqualTo("\"ACK\"0001L0#1001[]");
        }
        // ACK only after the alert is persisted: it is there the moment we read the ACK.
        assertThat(alertsOf("demo-0501")).hasSize(1).first().asString().startsWith("MEDICAL ").doesNotEndWith("RECORDED");
    }

    @Test
    void encryptedSiaFireAlarmGetsAnEncryptedAckWithOurTimeAndOpensAnIncident() throws Exception {
        try (Dc09Transmitter panel = panel()) {
            String answer = panel.send(Dc09Transmitter.encrypted("SIA-DCS", "0001", "2002", "Nri1/FA01", Instant.now(), KEY));

            assertThat(answer).startsWith("\"*ACK\"0001L0#2002[");
            String clear = Dc09Transmitter.decrypt(answer.substring(answer.indexOf('[') + 1), KEY);
            Instant ours = LocalDateTime.parse(clear.substring(clear.indexOf("]_") + 2), ANSWER_TIME).toInstant(ZoneOffset.UTC);
            assertThat(Duration.between(ours, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        }
        assertThat(alertsOf("demo-0502")).hasSize(1).first().asString().startsWith("SMOKE ");
    }

    @Test
    void retransmissionGetsAckAgainAndOpensNoSecondIncident() throws Exception {
        Instant sent = Instant.now();
        try (Dc09Transmitter panel = panel()) {
            String first = panel.send(Dc09Transmitter.plain("SIA-DCS", "0042", "1003", "Nri1/PA01", sent));
            // The panel missed our ACK and sends the same message again, timestamp renewed.
            String again = panel.send(Dc09Transmitter.plain("SIA-DCS", "0042", "1003", "Nri1/PA01", sent.plusSeconds(3)));

            assertThat(first).isEqualTo("\"ACK\"0042L0#1003[]");
            assertThat(again).isEqualTo(first);
        }
        assertThat(alertsOf("demo-0503")).hasSize(1);
        assertThat(incidentsOfSubscriber("S-0030")).isEqualTo(1);
    }

    @Test
    void encryptedRetransmissionOnANewConnectionIsTheSameAlert() throws Exception {
        String frame = Dc09Transmitter.encrypted("ADM-CID", "0107", "2006", "1101 01 001", Instant.now(), KEY);
        try (Dc09Transmitter panel = panel()) {
            assertThat(panel.send(frame)).startsWith("\"*ACK\"0107L0#2006[");
        }
        try (Dc09Transmitter panel = panel()) {
            assertThat(panel.send(frame)).startsWith("\"*ACK\"0107L0#2006[");
        }
        assertThat(alertsOf("demo-0506")).hasSize(1).first().asString().startsWith("SOS ");
        assertThat(incidentsOfSubscriber("S-0060")).isEqualTo(1);
    }

    @Test
    void badCrcGetsNakCarryingOurTime() throws Exception {
        String good = Dc09Transmitter.plain("ADM-CID", "0002", "1004", "1100 01 015", Instant.now());
        String bad = "\n" + (good.charAt(1) == 'A' ? 'B' : 'A') + good.substring(2);
        try (Dc09Transmitter panel = panel()) {
            assertIsNakWithOurTime(panel.send(bad));
        }
        assertThat(alertsOf("demo-0504")).isEmpty();
    }

    @Test
    void wrongLengthGetsNak() throws Exception {
        String good = Dc09Transmitter.plain("ADM-CID", "0003", "1004", "1100 01 015", Instant.now());
        String bad = good.substring(0, 5) + "0FFF" + good.substring(9);
        try (Dc09Transmitter panel = panel()) {
            assertIsNakWithOurTime(panel.send(bad));
        }
        assertThat(alertsOf("demo-0504")).isEmpty();
    }

    @Test
    void unknownAccountGetsDuh() throws Exception {
        try (Dc09Transmitter panel = panel()) {
            assertThat(panel.send(Dc09Transmitter.plain("ADM-CID", "0004", "ABCDEF", "1100 01 015", Instant.now())))
                    .isEqualTo("\"DUH\"0004L0#ABCDEF[]");
        }
    }

    @Test
    void staleTimestampGetsNakWithOurTimeAndStoresNothing() throws Exception {
        try (Dc09Transmitter panel = panel()) {
            assertIsNakWithOurTime(panel.send(
                    Dc09Transmitter.encrypted("SIA-DCS", "0005", "2007", "Nri1/MA01", Instant.now().minusSeconds(600), KEY)));
        }
        assertThat(alertsOf("demo-0507")).isEmpty();
    }

    @Test
    void nullSupervisionMessageGetsAckAndOpensNothing() throws Exception {
        try (Dc09Transmitter panel = panel()) {
            assertThat(panel.send(Dc09Transmitter.plain("NULL", "0006", "1008", "", Instant.now())))
                    .isEqualTo("\"ACK\"0006L0#1008[]");
            assertThat(panel.send(Dc09Transmitter.encrypted("NULL", "0007", "2008", "", Instant.now(), KEY)))
                    .startsWith("\"*ACK\"0007L0#2008[");
        }
        assertThat(alertsOf("demo-0508")).isEmpty();
    }

    @Test
    void unknownEventCodeIsAcknowledgedAndRecordedWithItsCode() throws Exception {
        try (Dc09Transmitter panel = panel()) {
            assertThat(panel.send(Dc09Transmitter.plain("SIA-DCS", "0008", "1009", "Nri1/BA03", Instant.now())))
                    .isEqualTo("\"ACK\"0008L0#1009[]");
        }
        assertThat(alertsOf("demo-0509")).containsExactly("TEST RECORDED");
        String alertId = node.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT alert_id FROM alerts WHERE device_id = 'demo-0509'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(alertId).startsWith("dc09-1009-0008-").endsWith("-0BA");
    }

    @Test
    void overUdpEachDatagramGetsItsAnswerAsADatagramAndAnAlarmIsStored() throws Exception {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket()) {
            socket.setSoTimeout(20_000);
            java.net.InetSocketAddress receiver = new java.net.InetSocketAddress("127.0.0.1", node.dc09Port());
            List<String> answers = new ArrayList<>();
            for (String frame : List.of(
                    Dc09Transmitter.plain("NULL", "0301", "1012", "", Instant.now()),
                    Dc09Transmitter.encrypted("ADM-CID", "0302", "2012", "1100 01 002", Instant.now(), KEY),
                    "\n0000FFFF\"NULL\"")) {
                byte[] bytes = frame.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                socket.send(new java.net.DatagramPacket(bytes, bytes.length, receiver));
                java.net.DatagramPacket answer = new java.net.DatagramPacket(new byte[512], 512);
                socket.receive(answer);
                answers.add(new String(answer.getData(), 0, answer.getLength(), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            assertThat(answers.get(0)).endsWith("\"ACK\"0301L0#1012[]\r");
            assertThat(answers.get(1)).contains("\"*ACK\"0302L0#2012[");
            assertThat(answers.get(2)).contains("\"NAK\"0000R0L0A0[]_");
        }
        assertThat(alertsOf("demo-0512")).hasSize(1).first().asString().startsWith("MEDICAL ");
    }

    @Test
    void connectionThatNeverCompletesAFrameIsClosed() throws Exception {
        try (Dc09Transmitter panel = panel()) {
            panel.write("\n1234002A\"SIA-DCS\"00".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

            // The idle timeout is 2 s here; the read returns end-of-stream when the receiver closes.
            assertThat(panel.isClosedByPeer()).isTrue();
        }
    }

    @Test
    void manyFramesInOneWriteEachGetTheirAnswer() throws Exception {
        StringBuilder burst = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            burst.append(i <= 5 ? Dc09Transmitter.plain("NULL", String.format("%04d", i), "1010", "", Instant.now())
                    : "\n0000FFFF\r");
        }
        List<String> answers = new ArrayList<>();
        try (Dc09Transmitter panel = panel()) {
            panel.write(burst.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (int i = 0; i < 20; i++) {
                answers.add(panel.readAnswer());
            }
        }
        assertThat(answers.stream().filter(a -> a.startsWith("\"ACK\""))).hasSize(5);
        assertThat(answers.stream().filter(a -> a.startsWith("\"NAK\""))).hasSize(15);
    }

    @Test
    void routineMessagesOverTheRateLimitGetNakButAnEmergencyIsAlwaysTaken() throws Exception {
        StringBuilder routine = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            routine.append(Dc09Transmitter.plain("ADM-CID", String.format("%04d", 100 + i), "1011", "1602 01 001", Instant.now()));
        }
        List<String> answers = new ArrayList<>();
        try (Dc09Transmitter panel = panel()) {
            panel.write(routine.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (int i = 0; i < 12; i++) {
                answers.add(panel.readAnswer());
            }
            // The burst (5 here) is spent: routine traffic waits, an emergency does not.
            assertThat(answers.stream().filter(a -> a.startsWith("\"NAK\""))).isNotEmpty();
            assertThat(panel.send(Dc09Transmitter.plain("ADM-CID", "0200", "1011", "1101 01 001", Instant.now())))
                    .isEqualTo("\"ACK\"0200L0#1011[]");
        }
        assertThat(alertsOf("demo-0511")).last().asString().startsWith("SOS ");
    }
}
