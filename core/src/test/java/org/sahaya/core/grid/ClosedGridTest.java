package org.sahaya.core.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahaya.core.config.GridAccess;
import org.sahaya.core.persistence.Database;

/**
 * The grid is closed to strangers: the member port listens on its configured address only, speaks
 * nothing but the member protocol, and admits only members holding the cluster secret.
 */
class ClosedGridTest {

    private static final String SECRET = "the-members-secret-" + UUID.randomUUID();

    private static Database database;
    private final List<Grid> grids = new ArrayList<>();

    @BeforeAll
    static void openDatabase() {
        System.setProperty("hazelcast.wait.seconds.before.join", "1");
        database = Database.open("jdbc:h2:mem:closed-grid-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @AfterAll
    static void closeDatabase() {
        System.clearProperty("hazelcast.wait.seconds.before.join");
        database.close();
    }

    @AfterEach
    void stopGrids() {
        grids.forEach(Grid::close);
    }

    @Test
    void theMemberPortIsNotReachableOnTheMachinesOutsideAddress() throws IOException {
        InetAddress outside = outsideAddress().orElse(null);
        assumeTrue(outside != null, "this machine has no non-loopback address to try from");
        int port = freePort();
        start("sahaya", port, List.of(), SECRET);

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(outside, port), 2000);
            }
        }).as("TCP connect to %s:%d", outside.getHostAddress(), port).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> HazelcastClient.newHazelcastClient(client(outside.getHostAddress() + ":" + port,
                new GridAccess("127.0.0.1", SECRET).clusterName("sahaya"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHazelcastClientOnLoopbackIsRefusedWithThePlainClusterNameAndEvenWithTheDerivedOne() throws IOException {
        int port = freePort();
        Grid member = start("sahaya", port, List.of(), SECRET);

        assertThatThrownBy(() -> HazelcastClient.newHazelcastClient(client("127.0.0.1:" + port, "sahaya")))
                .isInstanceOf(IllegalStateException.class);
        // The member port serves the member protocol only: a client that somehow learnt the name gets nowhere.
        assertThatThrownBy(() -> HazelcastClient.newHazelcastClient(client("127.0.0.1:" + port,
                member.hazelcast().getConfig().getClusterName())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMemberWithTheWrongSecretDoesNotJoinWhileOneWithTheRightSecretDoes() throws IOException {
        int first = freePort();
        int second = freePort();
        List<String> members = List.of("127.0.0.1:" + first, "127.0.0.1:" + second);
        Grid owner = start("sahaya", first, members, SECRET);
        Grid stranger = start("sahaya", second, members, "a-guess-at-the-secret-" + UUID.randomUUID());

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> size(owner) == 1 && size(stranger) == 1);
        stranger.close();
        grids.remove(stranger);

        Grid peer = start("sahaya", second, members, SECRET);
        await().atMost(Duration.ofSeconds(30)).until(() -> size(owner) == 2 && size(peer) == 2);
    }

    private Grid start(String clusterName, int port, List<String> members, String secret) {
        Grid grid = Grid.start(database, clusterName, port, members, new GridAccess("127.0.0.1", secret));
        grids.add(grid);
        return grid;
    }

    private static int size(Grid grid) {
        return grid.hazelcast().getCluster().getMembers().size();
    }

    private static ClientConfig client(String address, String clusterName) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getNetworkConfig().addAddress(address).setConnectionTimeout(2000);
        config.getConnectionStrategyConfig().getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(3000).setInitialBackoffMillis(200).setMaxBackoffMillis(500);
        return config;
    }

    /** A non-loopback IPv4 address of an interface that is up, as another machine would reach us. */
    static Optional<InetAddress> outsideAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
