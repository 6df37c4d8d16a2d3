package org.sahaya.server.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/**
 * Health and metrics answer on the management port only, on loopback by default; the public port does not
 * know them.
 */
class ManagementPortTest {

    private static final List<String> OWN_OPERATIONS = List.of("/metrics", "/health/live", "/health/ready");

    @TempDir
    static Path data;
    static Node node;

    @BeforeAll
    static void start() throws Exception {
        node = Node.start(TestNode.config(data, false, Map.of()), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void thePublicPortAnswers404ForMetricsAndHealth() {
        DeviceClient outsider = new DeviceClient(node);

        for (String path : OWN_OPERATIONS) {
            assertThat(outsider.get(path).statusCode()).as("public GET " + path).isEqualTo(404);
        }
    }

    @Test
    void theManagementPortServesMetricsAndHealth() {
        DeviceClient operator = new DeviceClient(node.managementPort());

        for (String path : OWN_OPERATIONS) {
            assertThat(operator.get(path).statusCode()).as("management GET " + path).isEqualTo(200);
        }
        assertThat(operator.get("/metrics").body()).contains("# TYPE ");
        assertThat(operator.get("/api/v1/incidents").statusCode()).as("the API is not on it").isEqualTo(404);
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() throws Exception {
        InetAddress outside = outsideAddress();
        assumeTrue(outside != null, "this machine has no non-loopback address to try from");

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(outside, node.managementPort()), 2000);
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void theListeningLineNamesTheManagementPort() {
        assertThat(node.managementPort()).isNotIn(0, node.httpPort());
        assertThat(node.listeningLine()).isEqualTo("sahaya listening http=" + node.httpPort() + " mqtt=" + node.mqttPort()
                + " dc09=" + node.dc09Port() + " management=" + node.managementPort());
    }

    private static InetAddress outsideAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLinkLocalAddress()) {
                        return a;
                    }
                }
            }
        }
        return null;
    }
}
