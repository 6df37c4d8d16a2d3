package org.sahaya.server.gateway.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/**
 * 10,000 random and mutated frames over one real socket: no answer is missing, every answer is a
 * well-formed ACK, NAK or DUH, and afterwards the same connection and a new one still take a valid
 * alarm. Seeded, so a failure replays.
 */
class Dc09FuzzTest {

    private static final int FRAMES = 10_000;
    private static final int BATCH = 50;
    private static final int UDP_DATAGRAMS = 2_000;
    private static final String KEY = "SAHAYA-DEMO-KEY!";

    @TempDir
    static Path data;
    static Node node;

    @BeforeAll
    static void start() throws Exception {
        // Thousands of bad frames from one address: not a test of the failure throttle, which would answer them late.
        node = Node.start(TestNode.config(data, true, java.util.Map.of("SAHAYA_DEVICE_AUTH_FAILURES", "1000000")),
                java.time.Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void tenThousandRandomAndMutatedFramesEachGetAnAnswerAndTheReceiverKeepsWorking() throws Exception {
        Random random = new Random(20_261_124L);
        int answered = 0;
        int ack = 0;
        int nak = 0;
        int duh = 0;
        try (Dc09Transmitter panel = new Dc09Transmitter(node.dc09Port())) {
            for (int sent = 0; sent < FRAMES; sent += BATCH) {
                ByteArrayOutputStream batch = new ByteArrayOutputStream();
                for (int i = 0; i < BATCH; i++) {
                    batch.writeBytes(fuzzFrame(random, sent + i));
                }
                panel.write(batch.toByteArray());
                for (int i = 0; i < BATCH; i++) {
                    String answer = panel.readAnswer();
                    answered++;
                    if (answer.startsWith("\"ACK\"") || answer.startsWith("\"*ACK\"")) {
                        ack++;
                    } else if (answer.startsWith("\"NAK\"")) {
                        nak++;
                    } else if (answer.startsWith("\"DUH\"")) {
                        duh++;
                    } else {
                        throw new AssertionError("not an answer: " + answer);
                    }
                }
            }
            assertThat(answered).isEqualTo(FRAMES);
            assertThat(ack).as("some mutations stay valid").isPositive();
            assertThat(nak).isPositive();
            assertThat(duh).isPositive();
            // The handler is alive: the same connection takes a real alarm afterwards.
            assertThat(panel.send(Dc09Transmitter.plain("ADM-CID", "9001", "1031", "1100 01 001", Instant.now())))
                    .isEqualTo("\"ACK\"9001L0#1031[]");
        }
        try (Dc09Transmitter fresh = new Dc09Transmitter(node.dc09Port())) {
            assertThat(fresh.send(Dc09Transmitter.encrypted("SIA-DCS", "9002", "2032", "Nri1/MA01", Instant.now(), KEY)))
                    .startsWith("\"*ACK\"9002L0#2032[");
        }
    }

    @Test
    void overUdpRandomAndMutatedDatagramsEachGetOneAnswer() throws Exception {
        Random random = new Random(20_261_125L);
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket()) {
            socket.setSoTimeout(20_000);
            java.net.InetSocketAddress receiver = new java.net.InetSocketAddress("127.0.0.1", node.dc09Port());
            for (int n = 0; n < UDP_DATAGRAMS; n++) {
                byte[] frame = fuzzFrame(random, n);
                socket.send(new java.net.DatagramPacket(frame, frame.length, receiver));
                java.net.DatagramPacket answer = new java.net.DatagramPacket(new byte[512], 512);
                socket.receive(answer);
                String text = new String(answer.getData(), 0, answer.getLength(), StandardCharsets.ISO_8859_1);
                assertThat(text).as("answer to datagram %d", n).matches("(?s)\n[0-9A-F]{8}\"\\*?(ACK|NAK|DUH)\".*\r");
            }
            byte[] valid = Dc09Transmitter.plain("ADM-CID", "9003", "1033", "1100 01 001", Instant.now())
                    .getBytes(StandardCharsets.ISO_8859_1);
            socket.send(new java.net.DatagramPacket(valid, valid.length, receiver));
            java.net.DatagramPacket answer = new java.net.DatagramPacket(new byte[512], 512);
            socket.receive(answer);
            assertThat(new String(answer.getData(), 0, answer.getLength(), StandardCharsets.ISO_8859_1))
                    .endsWith("\"ACK\"9003L0#1033[]\r");
        }
    }

    /** One complete frame (exactly one CR, at its end, and something besides line feeds before it). */
    private static byte[] fuzzFrame(Random random, int n) {
        String valid = validFrame(random, n);
        String text = valid.substring(9, valid.length() - 1);
        byte[] frame = switch (random.nextInt(8)) {
            case 0 -> randomBytes(random, 1 + random.nextInt(300));
            case 1 -> flipBytes(random, valid.getBytes(StandardCharsets.ISO_8859_1));
            case 2, 3 -> Dc09Transmitter.frame(mutate(random, text)).getBytes(StandardCharsets.ISO_8859_1);
            case 4 -> valid.substring(0, 1 + random.nextInt(valid.length() - 1)).getBytes(StandardCharsets.ISO_8859_1);
            case 5 -> random.nextInt(10) == 0 ? randomBytes(random, 3000) : valid.getBytes(StandardCharsets.ISO_8859_1);
            default -> Dc09Transmitter.frame(splice(random, text)).getBytes(StandardCharsets.ISO_8859_1);
        };
        return terminated(frame);
    }

    private static String validFrame(Random random, int n) {
        String seq = String.format("%04d", 1 + n % 9999);
        int hub = 11 + random.nextInt(10);
        String[] data = {"Nri1/RP01", "Nri1/BA02", "Nri1/YT01", "Nri2/XT03/RP00", "NUA01"};
        String[] cid = {"1602 01 001", "1302 01 000", "1130 01 004", "3100 01 001", "1384 01 009"};
        boolean contactId = random.nextBoolean();
        String token = random.nextInt(6) == 0 ? "NULL" : contactId ? "ADM-CID" : "SIA-DCS";
        String content = token.equals("NULL") ? "" : contactId ? cid[random.nextInt(cid.length)] : data[random.nextInt(data.length)];
        Instant now = Instant.now();
        return random.nextBoolean()
                ? Dc09Transmitter.plain(token, seq, Integer.toString(1000 + hub), content, random.nextBoolean() ? now : null)
                : Dc09Transmitter.encrypted(token, seq, Integer.toString(2000 + hub), content, now, KEY);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] flipBytes(Random random, byte[] frame) {
        for (int i = 0, flips = 1 + random.nextInt(3); i < flips; i++) {
            frame[1 + random.nextInt(frame.length - 2)] = (byte) random.nextInt(256);
        }
        return frame;
    }

    /** Changes characters of the checked part, then frames it again: CRC and length right, content not. */
    private static String mutate(Random random, String text) {
        char[] chars = text.toCharArray();
        String alphabet = "\"*#[]|_:,-/0123456789ABCDEFLRNXYZ ri";
        for (int i = 0, edits = 1 + random.nextInt(3); i < edits; i++) {
            chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(chars);
    }

    /** Cuts a piece out of the checked part or repeats one, then frames it again. */
    private static String splice(Random random, String text) {
        int from = random.nextInt(text.length());
        int to = from + random.nextInt(text.length() - from);
        return random.nextBoolean() ? text.substring(0, from) + text.substring(to) : text.substring(0, to) + text.substring(from);
    }

    private static byte[] terminated(byte[] frame) {
        List<Byte> out = new ArrayList<>(frame.length + 2);
        boolean content = false;
        for (byte b : frame) {
            if (b == '\r') {
                continue;
            }
            content |= b != '\n' || (content);
            out.add(b);
        }
        if (!content) {
            out.add((byte) 'x');
        }
        byte[] bytes = new byte[out.size() + 1];
        for (int i = 0; i < out.size(); i++) {
            bytes[i] = out.get(i);
        }
        bytes[out.size()] = '\r';
        return bytes;
    }
}
