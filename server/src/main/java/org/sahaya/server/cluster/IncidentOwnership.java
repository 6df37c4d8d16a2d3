package org.sahaya.server.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionService;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahaya.core.grid.Grid;

/**
 * Which member works an incident: the owner of its key's partition in the {@code incidents} map.
 * One rule for every kind of work (dispatch and its retries, verification timers, escalation steps,
 * the outbox resumed after a crash), so at any moment one member works each open incident, and when
 * a member dies its partitions, and with them its incidents, pass to the survivors that hold their
 * backups. A lone member owns everything.
 */
public final class IncidentOwnership {

    private final Grid grid;

    public IncidentOwnership(Grid grid) {
        this.grid = grid;
    }

    /** Whether this member works the incident now. */
    public boolean owns(String incidentId) {
        if (!grid.clustered()) {
            return true;
        }
        Member owner = partition(incidentId).getOwner();
        return owner != null && owner.localMember();
    }

    /** The member to hand the incident's work to; empty when it is this one (or nobody owns it yet). */
    public Optional<UUID> remoteOwner(String incidentId) {
        if (!grid.clustered()) {
            return Optional.empty();
        }
        Member owner = partition(incidentId).getOwner();
        return owner == null || owner.localMember() ? Optional.empty() : Optional.of(owner.getUuid());
    }

    public int partitionOf(String incidentId) {
        return partition(incidentId).getPartitionId();
    }

    /** Partition id to owner, as this member sees it now (partitions without an owner are left out). */
    public Map<Integer, UUID> partitionOwners() {
        Map<Integer, UUID> owners = new HashMap<>();
        for (Partition p : partitions().getPartitions()) {
            Member owner = p.getOwner();
            if (owner != null) {
                owners.put(p.getPartitionId(), owner.getUuid());
            }
        }
        return owners;
    }

    /** This member's id in the cluster. */
    public UUID self() {
        return grid.hazelcast().getCluster().getLocalMember().getUuid();
    }

    /** Whether this member may dispatch: it sees a majority of the configured members. */
    public boolean mayDispatch() {
        return grid.hasMajority();
    }

    /** Whether no partition is migrating or missing a backup: ownership is settled. */
    public boolean settled() {
        return partitions().isClusterSafe();
    }

    /** Whether this member is the oldest of the cluster (the one that recovers after a full stop). */
    public boolean oldest() {
        return grid.hazelcast().getCluster().getMembers().iterator().next().localMember();
    }

    private Partition partition(String incidentId) {
        return partitions().getPartition(incidentId);
    }

    private PartitionService partitions() {
        return grid.hazelcast().getPartitionService();
    }
}
