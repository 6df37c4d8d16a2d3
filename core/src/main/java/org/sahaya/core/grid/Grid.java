package org.sahaya.core.grid;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapStore;
import java.util.List;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.persistence.Database;

/**
 * The Hazelcast data grid holding operational state: units, hospitals with their bed boards, and
 * open incidents. Each map writes through to the database, so what the grid accepted survives a
 * restart; claims are entry processors on the partition that owns the key.
 *
 * <p>One embedded member by default (no discovery); a TCP/IP member list when configured.
 */
public final class Grid implements AutoCloseable {

    public static final String UNITS = "units";
    public static final String HOSPITALS = "hospitals";
    public static final String INCIDENTS = "incidents";

    private final HazelcastInstance hazelcast;

    private Grid(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    /**
     * Starts a member.
     *
     * @param clusterName members join only a cluster of the same name
     * @param port        member port (auto-incremented when taken)
     * @param members     other members' host[:port]; empty for a lone embedded member
     */
    public static Grid start(Database database, String clusterName, int port, List<String> members) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(true).setPortCount(100);
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(!members.isEmpty()).setMembers(members);
        if (members.isEmpty()) {
            // A lone member must not wait for peers or bind beyond loopback.
            config.setProperty("hazelcast.wait.seconds.before.join", "0");
        }
        if (members.stream().allMatch(Grid::isLoopback)) {
            // A lone member, or a cluster listed on loopback only (several members on one machine, as in
            // tests): bind and advertise 127.0.0.1, never an outside interface.
            config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
            config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        }
        config.addMapConfig(mapConfig(UNITS, GridMapStores.units(database)));
        config.addMapConfig(mapConfig(HOSPITALS, GridMapStores.hospitals(database)));
        config.addMapConfig(mapConfig(INCIDENTS, GridMapStores.incidents(database)));
        return new Grid(Hazelcast.newHazelcastInstance(config));
    }

    private static boolean isLoopback(String member) {
        return member.startsWith("127.") || member.startsWith("localhost");
    }

    private static MapConfig mapConfig(String name, MapStore<String, ?> store) {
        MapConfig map = new MapConfig(name);
        // Entry processors work on objects, not bytes: no (de)serialisation per claim on the owner.
        map.setInMemoryFormat(InMemoryFormat.OBJECT);
        map.setBackupCount(1);
        map.setAsyncBackupCount(0);
        map.setMapStoreConfig(new MapStoreConfig()
                .setEnabled(true)
                .setImplementation(store)
                .setWriteDelaySeconds(0)
                .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER));
        return map;
    }

    public IMap<String, Unit> units() {
        return hazelcast.getMap(UNITS);
    }

    public IMap<String, Hospital> hospitals() {
        return hazelcast.getMap(HOSPITALS);
    }

    public IMap<String, Incident> incidents() {
        return hazelcast.getMap(INCIDENTS);
    }

    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    public boolean isRunning() {
        return hazelcast.getLifecycleService().isRunning();
    }

    @Override
    public void close() {
        hazelcast.shutdown();
    }
}
