package org.sahaya.loadtest.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.dc09.Dc09Envelope;
import org.sahaya.loadtest.run.Endpoint;
import org.sahaya.loadtest.alerts.TrafficMix;

/** Panels against a receiver on a real TCP socket that answers out of order, as an asynchronous receiver may. */
class Dc09AlertTargetTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private Endpoint receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        vertx = Vertx.vertx();
        NetServer server = vertx.createNetServer().connectHandler(socket -> {
            List<String> held = new CopyOnWriteArrayList<>();
            socket.handler(RecordParser.newDelimited("\r", frame -> {
                String text = frame.toString(StandardCharsets.ISO_8859_1);
                received.add(text);
                String seq = text.substring(text.indexOf("\"SIA-DCS\"") + 9, text.indexOf("\"SIA-DCS\"") + 13);
                String token = Integer.parseInt(seq) % 2 == 1 ? "NAK" : "ACK";
                held.add(Dc09Envelope.wrap("\"" + token + "\"" + seq + "L0#1001[]_01:02:03,11-25-2026"));
                if (held.size() == 2) { // answer every pair backwards
                    socket.write(Buffer.buffer(held.get(1) + held.get(0), "ISO-8859-1"));
                    held.clear();
                }
            }));
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        receiver = new Endpoint("127.0.0.1", server.actualPort());
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyFrameIsMatchedToItsOwnAnswerBySequence() throws Exception {
        Dc09Panels panels = Dc09Panels.connect(vertx, receiver, 1, 9998)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Dc09AlertTarget target = new Dc09AlertTarget(panels, new TrafficMix(550, 7), Duration.ofSeconds(5));

        List<Future<Integer>> answers = List.of(target.send(0), target.send(1), target.send(2), target.send(3));
        Future.all(answers).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        // sequences 9998, 9999, 0001, 0002: the receiver NAKs the odd ones and answers each pair backwards
        assertThat(answers.stream().map(Future::result).toList())
                .containsExactly(PanelConnection.ACK, PanelConnection.REFUSED, PanelConnection.REFUSED, PanelConnection.ACK);
        assertThat(received.get(0)).contains("\"SIA-DCS\"9998L0#1001[#1001|Nri1/");
        assertThat(received.get(2)).contains("\"SIA-DCS\"0001L0#1001"); // numbers wrap after 9999
    }

    @Test
    void aPanelWhoseConnectionTheReceiverClosedConnectsAgainForItsNextMessage() throws Exception {
        List<Integer> connections = new CopyOnWriteArrayList<>();
        NetServer closing = vertx.createNetServer().connectHandler(socket -> {
            connections.add(1);
            socket.handler(RecordParser.newDelimited("\r", frame -> {
                String text = frame.toString(StandardCharsets.ISO_8859_1);
                String seq = text.substring(text.indexOf("\"SIA-DCS\"") + 9, text.indexOf("\"SIA-DCS\"") + 13);
                socket.write(Buffer.buffer(Dc09Envelope.wrap("\"ACK\"" + seq + "L0#1001[]"), "ISO-8859-1"))
                        .onComplete(written -> socket.close());
            }));
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Dc09Panels panels = Dc09Panels.connect(vertx, new Endpoint("127.0.0.1", closing.actualPort()), 1, 1)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Dc09AlertTarget target = new Dc09AlertTarget(panels, new TrafficMix(550, 7), Duration.ofSeconds(5));

        assertThat(target.send(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(PanelConnection.ACK);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> panels.panel(0).closed());
        assertThat(target.send(1).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(PanelConnection.ACK);
        assertThat(connections).hasSize(2);
    }

    @Test
    void alertTypesBecomeTheirSiaEvents() {
        assertThat(Dc09AlertTarget.event(AlertType.FALL)).isEqualTo("Nri1/MA01");
        assertThat(Dc09AlertTarget.event(AlertType.SOS)).isEqualTo("Nri1/PA01");
        assertThat(Dc09AlertTarget.event(AlertType.LOW_BATTERY)).isEqualTo("Nri1/YT01");
        assertThat(Dc09AlertTarget.event(AlertType.TEST)).isEqualTo("Nri1/RP01");
    }
}
