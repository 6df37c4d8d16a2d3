package org.sahaya.server.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/**
 * Three cluster members in one JVM, as a three-machine deployment would run them: each its own
 * Hazelcast member and clustered Vert.x on loopback, all on one shared database (H2 in memory here,
 * shared because the members share the JVM).
 */
final class ThreeMembers implements AutoCloseable {

    private final Path data;
    private final Map<String, String> settings;
    private final List<Integer> memberPorts;
    private final List<Integer> eventBusPorts;
    private final Node[] nodes = new Node[3];
    private Clock clock = Clock.systemUTC();

    ThreeMembers(Path data, Map<String, String> extra) throws IOException {
        this.data = data;
        this.memberPorts = freePorts(3);
        // Fixed event-bus ports, as a firewalled deployment sets them: hand-overs travel on these.
        this.eventBusPorts = freePorts(3);
        this.settings = new HashMap<>(Map.of(
                "SAHAYA_DB_URL", "jdbc:h2:mem:cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "SAHAYA_CLUSTER_NAME", "cluster-" + UUID.randomUUID(),
                "SAHAYA_CLUSTER_SECRET", "three-members-" + UUID.randomUUID(),
                "SAHAYA_CLUSTER_MEMBERS", memberPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","))));
        settings.putAll(extra);
    }

    /** Works on the members' shared database while no member runs (what a crash left behind). */
    void sharedDatabase(java.util.function.Consumer<java.sql.Connection> work) {
        try (Database db = Database.open(settings.get("SAHAYA_DB_URL"), null, null)) {
            db.withConnection(c -> {
                work.accept(c);
                return null;
            });
        }
    }

    /** Changes a setting for the members started from now on. */
    void setting(String name, String value) {
        settings.put(name, value);
    }

    /** The clock of the members started from now on (one clock for all: a test moves their time together). */
    void clock(Clock clock) {
        this.clock = clock;
    }

    /** Starts member {@code i} (0..2) and waits until it listens. */
    Node start(int i) throws Exception {
        Map<String, String> values = new HashMap<>(settings);
        values.put("SAHAYA_MEMBER_PORT", String.valueOf(memberPorts.get(i)));
        values.put("SAHAYA_MASTER_KEY", TestNode.MASTER_KEY); // one database, one master key for every member
        values.put("SAHAYA_EVENTBUS_PORT", String.valueOf(eventBusPorts.get(i)));
        nodes[i] = Node.start(TestNode.config(data.resolve("m" + i), true, values), clock);
        return nodes[i];
    }

    void startAll() throws Exception {
        for (int i = 0; i < 3; i++) {
            start(i);
        }
        awaitMembers(3);
    }

    void awaitMembers(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> live().stream()
                .allMatch(n -> n.grid().hazelcast().getCluster().getMembers().size() == count));
    }

    /** The event-bus port member {@code i} was configured with ({@code SAHAYA_EVENTBUS_PORT}). */
    int eventBusPort(int i) {
        return eventBusPorts.get(i);
    }

    Node node(int i) {
        return nodes[i];
    }

    List<Node> live() {
        List<Node> live = new ArrayList<>();
        for (Node n : nodes) {
            if (n != null) {
                live.add(n);
            }
        }
        return live;
    }

    /** kill -9 as far as one JVM allows: see {@link Node#crash()}. */
    void crash(int i) {
        nodes[i].crash();
        nodes[i] = null;
    }

    void stop(int i) {
        nodes[i].close();
        nodes[i] = null;
    }

    @Override
    public void close() {
        for (int i = 0; i < 3; i++) {
            if (nodes[i] != null) {
                try {
                    nodes[i].close();
                } catch (RuntimeException e) {
                    // the others still close
                }
                nodes[i] = null;
            }
        }
    }

    private static List<Integer> freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }
}
