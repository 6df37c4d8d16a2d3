package org.sahaya.server.gateway.dc09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;
import org.sahaya.server.tls.TestCertificate;

/** With a certificate set, a panel speaks DC-09 to the TCP receiver inside TLS (1.3 or 1.2) and is ACKed. */
class Dc09TlsTest {

    private static final String KEY = "SAHAYA-DEMO-KEY!";

    @TempDir
    static Path data;
    @TempDir
    static Path certificates;
    static TestCertificate certificate;
    static Node node;

    @BeforeAll
    static void start() throws Exception {
        certificate = TestCertificate.write(certificates);
        node = Node.start(TestNode.config(data, true, certificate.settings()), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anEncryptedFrameInsideTlsIsAcked() throws Exception {
        SSLSocket socket = (SSLSocket) certificate.trusting().getSocketFactory().createSocket("127.0.0.1", node.dc09Port());
        socket.startHandshake();
        assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");

        try (Dc09Transmitter panel = new Dc09Transmitter(socket)) {
            String answer = panel.send(Dc09Transmitter.encrypted("SIA-DCS", "0001", "2008", "Nri1/FA01", Instant.now(), KEY));

            assertThat(answer).startsWith("\"*ACK\"0001L0#2008[");
        }
    }

    @Test
    void aClearTextPanelOnTheTlsPortIsNotAnswered() throws Exception {
        try (Dc09Transmitter panel = new Dc09Transmitter(new Socket("127.0.0.1", node.dc09Port()))) {
            assertThatThrownBy(() -> panel.send(Dc09Transmitter.encrypted("SIA-DCS", "0002", "2009", "Nri1/FA01",
                    Instant.now(), KEY))).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aPanelLimitedToTls12StillConnects() throws Exception {
        try (SSLSocket socket = (SSLSocket) certificate.trusting().getSocketFactory()
                .createSocket("127.0.0.1", node.dc09Port())) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }
}
