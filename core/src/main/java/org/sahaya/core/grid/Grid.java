package org.sahaya.core.grid;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sahaya.core.config.GridAccess;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.Units;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.hospital.Hospitals;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.persistence.Database;

/**
 * The Hazelcast data grid holding operational state: units, hospitals with their bed boards, and
 * open incidents. Each map writes through to the database, so what the grid accepted survives a
 * restart; claims are entry processors on the partition that owns the key.
 *
 * <p>One embedded member by default (no discovery); a TCP/IP member list when configured. The member
 * port listens on one address and admits only members holding the cluster secret ({@link MemberDoors}). A
 * clustered member also carries the maps the Vert.x cluster manager needs, detects a dead peer within
 * about three seconds, and counts whether it sees a majority of the configured members
 * ({@link #hasMajority()}): a side of a split with fewer must not dispatch.
 *
 * <p>Everyone else reaches the maps through typed interfaces: the read views {@link Units} and
 * {@link Hospitals} this class implements, and dispatch's domain services (claims, fleet reports,
 * incident moves, this member's fleet index and bed boards), each a Hazelcast implementation beside
 * its interface. The raw maps ({@link #units()}, {@link #hospitals()}, {@link #incidents()}) are for
 * those implementations and for tests only, so that no caller can get-check-put around an entry
 * processor.
 */
public final class Grid implements Units, Hospitals, AutoCloseable {

    public static final String UNITS = "units";
    public static final String HOSPITALS = "hospitals";
    public static final String INCIDENTS = "incidents";
    /** The split-brain protection on the maps dispatch writes. */
    public static final String DISPATCH_MAJORITY = "dispatch-majority";

    /**
     * Failure detection of a clustered member (Hazelcast defaults are 5 s heartbeats and 60 s of
     * silence): a heartbeat every second and a member silent for 3 s is removed, so its partitions
     * (and the incidents they own) move to the survivors within the 5 s. The merge of two
     * sides after a network split is tried every 5 s instead of 300 s.
     */
    static final Map<String, String> FAILURE_DETECTION = Map.of(
            "hazelcast.heartbeat.interval.seconds", "1",
            "hazelcast.max.no.heartbeat.seconds", "3",
            "hazelcast.heartbeat.failuredetector.type", "deadline",
            "hazelcast.merge.first.run.delay.seconds", "5",
            "hazelcast.merge.next.run.delay.seconds", "5");

    /** How long {@link #close()} waits for this member's partitions to move to the others. */
    static final int GRACEFUL_CLOSE_SECONDS = 20;

    private final HazelcastInstance hazelcast;
    private final boolean clustered;
    private final int majority;

    private Grid(HazelcastInstance hazelcast, boolean clustered, int majority) {
        this.hazelcast = hazelcast;
        this.clustered = clustered;
        this.majority = majority;
    }

    /**
     * Starts a lone member on loopback with a secret of its own (nothing can join it): embedded grids
     * of tests and tools.
     */
    public static Grid start(Database database, String clusterName, int port, List<String> members) {
        if (!members.isEmpty()) {
            throw new IllegalArgumentException("members of a cluster share a secret: start them with a GridAccess");
        }
        return start(database, clusterName, port, members, GridAccess.lone());
    }

    /**
     * Starts a member.
     *
     * @param clusterName members join only a cluster of the same name and secret
     * @param port        member port (auto-incremented when taken)
     * @param members     every member's host[:port], this one included; empty for a lone embedded
     *                    member. A majority of this list is needed to dispatch.
     * @param access      the one address the member port listens on, and the secret every member holds
     */
    public static Grid start(Database database, String clusterName, int port, List<String> members, GridAccess access) {
        GridCallbacks.install();
        Config config = new Config();
        config.setClusterName(access.clusterName(clusterName));
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // A graceful close waits for the member's partitions to move, by default up to 600 s. The maps
        // write through to the database, so nothing is lost by giving up sooner; a member of a cluster
        // that split and is rejoining (where the migrations may never finish) stops within this bound.
        config.setProperty("hazelcast.graceful.shutdown.max.wait", String.valueOf(GRACEFUL_CLOSE_SECONDS));
        MemberDoors.close(config, access.memberAddress(), port);
        JoinConfig join = config.getAdvancedNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(!members.isEmpty()).setMembers(members);
        if (members.isEmpty()) {
            // A lone member must not wait for peers.
            config.setProperty("hazelcast.wait.seconds.before.join", "0");
        }
        boolean clustered = !members.isEmpty();
        int majority = members.size() / 2 + 1;
        MapConfig units = mapConfig(UNITS, GridMapStores.units(database));
        MapConfig hospitals = mapConfig(HOSPITALS, GridMapStores.hospitals(database));
        if (clustered) {
            FAILURE_DETECTION.forEach(config::setProperty);
            vertxClusterMaps(config);
            if (majority > 1) {
                // Counted, not attached to the maps: a fenced map cannot even preload from the database on
                // a member that starts first, alone. Dispatch asks hasMajority() before it claims.
                config.addSplitBrainProtectionConfig(new SplitBrainProtectionConfig(DISPATCH_MAJORITY, true, majority)
                        .setProtectOn(SplitBrainProtectionOn.WRITE));
            }
        }
        config.addMapConfig(units);
        config.addMapConfig(hospitals);
        config.addMapConfig(mapConfig(INCIDENTS, GridMapStores.incidents(database)));
        return new Grid(Hazelcast.newHazelcastInstance(config), clustered, clustered ? majority : 1);
    }

    /** What vertx-hazelcast's default-cluster.xml declares, on the member the grid already runs. */
    private static void vertxClusterMaps(Config config) {
        // The cluster manager of a Vert.x built over an existing member reads its node id here.
        config.getMemberAttributeConfig().setAttribute("__vertx.nodeId", java.util.UUID.randomUUID().toString());
        config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
                .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
        config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
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

    /** The raw units map: for the Hazelcast implementations of dispatch's services and tests only. */
    public IMap<String, Unit> units() {
        return hazelcast.getMap(UNITS);
    }

    /** The raw hospitals map: for the Hazelcast implementations of dispatch's services and tests only. */
    public IMap<String, Hospital> hospitals() {
        return hazelcast.getMap(HOSPITALS);
    }

    /** The raw incidents map: for the Hazelcast implementations of dispatch's services and tests only. */
    public IMap<String, Incident> incidents() {
        return hazelcast.getMap(INCIDENTS);
    }

    @Override
    public Optional<Unit> unit(String unitId) {
        return Optional.ofNullable(units().get(unitId));
    }

    @Override
    public Optional<Hospital> hospital(String hospitalId) {
        return Optional.ofNullable(hospitals().get(hospitalId));
    }

    /** The member itself: for the cluster adapter (membership, partitions) and Vert.x's cluster manager. */
    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    /** Whether this member was configured with peers (Vert.x then runs clustered over it). */
    public boolean clustered() {
        return clustered;
    }

    /** How many members dispatch needs: a majority of the configured list; 1 for a lone member. */
    public int majority() {
        return majority;
    }

    /**
     * Whether this member sees a majority of the configured members and may dispatch. False on the
     * minority side of a network split, or while too few members have started.
     */
    public boolean hasMajority() {
        if (majority <= 1) {
            return true;
        }
        return isRunning() && hazelcast.getSplitBrainProtectionService().getSplitBrainProtection(DISPATCH_MAJORITY)
                .hasMinimumSize();
    }

    public boolean isRunning() {
        return hazelcast.getLifecycleService().isRunning();
    }

    /** Dies as a {@code kill -9} would: no partitions handed over (fault tests in one JVM). */
    public void terminate() {
        hazelcast.getLifecycleService().terminate();
    }

    @Override
    public void close() {
        hazelcast.shutdown();
    }
}
