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
        List<Integer> ports = freePorts(6);
        this.memberPorts = ports.subList(0, 3);
        // Fixed event-bus ports, as a firewalled deployment sets them: hand-overs travel on these.
        this.eventBusPorts = ports.subList(3, 6);
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

    /**
     * {@code n} distinct ports free now, below Linux's ephemeral range (32768-60999). A port the kernel
     * handed out for a listener of port 0 can be taken meanwhile as the local port of any outgoing
     * connection (the members' own among them); a member whose port is taken moves to the next one,
     * which may be another member's, and the cluster then forms wrongly ("Connecting to self").
     */
    private static List<Integer> freePorts(int n) throws IOException {
        java.util.Random random = new java.util.Random();
        List<Integer> ports = new ArrayList<>();
        for (int tries = 0; ports.size() < n; tries++) {
            if (tries > 1_000) {
                throw new IOException("no " + n + " free ports between 20000 and 32000");
            }
            int port = 20_000 + random.nextInt(12_000);
            if (ports.contains(port) || ports.contains(port - 1) || ports.contains(port + 1)) {
                continue; // a member moves to the next port when its own is taken: keep neighbours apart
            }
            try (ServerSocket probe = new ServerSocket(port)) {
                ports.add(probe.getLocalPort());
            } catch (IOException taken) {
                // in use: try another
            }
        }
        return ports;
    }
}
