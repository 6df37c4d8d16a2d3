package org.sahaya.server.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.log.Redacted;
import org.sahaya.core.node.Offload;
import org.sahaya.dispatch.workflow.IncidentWorkflow;
import org.sahaya.notify.FamilyNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a member does when the cluster changes, so that no open incident is left without a member
 * working it:
 * <ul>
 *   <li>at start, the oldest member (a lone node, or the first after a full stop) resumes every open
 *       incident and pending notification from the database; a member joining a live cluster resumes
 *       nothing, its peers are working everything;</li>
 *   <li>a member died: each survivor resumes, from the database, the incidents of the partitions it
 *       took over from the dead member (dispatch, verification timers, family messages, outbox rows).
 *       A row the dead member had handed to a provider with no outcome recorded is not sent again on
 *       the same channel (the outbox's attempt mark), so a family is not messaged twice;</li>
 *   <li>the cluster has a majority again (members joined, or a split healed): each member dispatches
 *       the waiting incidents it owns, those held while no majority was seen among them.</li>
 * </ul>
 * Events arrive on Hazelcast threads; the work goes to virtual threads.
 */
public final class TakeOver implements MembershipListener, MigrationListener {

    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(TakeOver.class);

    private final Grid grid;
    private final IncidentOwnership ownership;
    private final IncidentWorkflow workflow;
    private final FamilyNotifier notifier;
    private final Offload offload;
    private final AtomicReference<Map<Integer, UUID>> owners = new AtomicReference<>(Map.of());
    private volatile Duration lastTakeOver;

    public TakeOver(Grid grid, IncidentOwnership ownership, IncidentWorkflow workflow, FamilyNotifier notifier,
                    Offload offload) {
        this.grid = grid;
        this.ownership = ownership;
        this.workflow = workflow;
        this.notifier = notifier;
        this.offload = offload;
    }

    /** Resumes what this member must resume at start, then follows the cluster. Returns at once. */
    public void start() {
        if (grid.clustered()) {
            owners.set(ownership.partitionOwners());
            grid.hazelcast().getCluster().addMembershipListener(this);
            grid.hazelcast().getPartitionService().addMigrationListener(this);
            grid.hazelcast().getLifecycleService().addLifecycleListener(this::lifecycle);
        }
        boolean first = !grid.clustered() || ownership.oldest();
        offload.execute(() -> {
            try {
                if (first) {
                    int open = workflow.recover(id -> true);
                    int resent = notifier.resumePending(id -> true);
                    if (open > 0 || resent > 0) {
                        LOG.info("Recovered {} open incidents and resent {} pending notifications", open, resent);
                    }
                } else if (ownership.mayDispatch()) {
                    // This member may have completed the majority: what waited is dispatched by its owner.
                    dispatchWaitingOnceSettled();
                }
            } catch (RuntimeException e) {
                LOG.error("Recovery of open incidents failed", Redacted.of(e));
            }
        });
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        boolean majorityReached = event.getMembers().size() == grid.majority();
        offload.execute(() -> {
            awaitSettled();
            owners.set(ownership.partitionOwners());
            if (majorityReached) {
                dispatchWaitingOnceSettled();
            }
        });
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        long removedAt = System.nanoTime();
        UUID dead = event.getMember().getUuid();
        Set<Integer> moved = owners.get().entrySet().stream().filter(e -> dead.equals(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        offload.execute(() -> {
            try {
                awaitOwnersOf(moved, dead);
                Predicate<String> scope = id -> moved.contains(ownership.partitionOf(id)) && ownership.owns(id);
                int open = workflow.recover(scope);
                int resent = notifier.resumePending(scope);
                lastTakeOver = Duration.ofNanos(System.nanoTime() - removedAt);
                owners.set(ownership.partitionOwners());
                LOG.info("Member {} left: took over {} of its open incidents and {} pending notifications in {} ms",
                        dead, open, resent, lastTakeOver.toMillis());
            } catch (RuntimeException e) {
                LOG.error("Taking over the incidents of member {} failed", dead, Redacted.of(e));
            }
        });
    }

    @Override
    public void migrationStarted(MigrationState state) {
    }

    @Override
    public void migrationFinished(MigrationState state) {
        owners.set(ownership.partitionOwners());
    }

    @Override
    public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
        // Migration events may reach only the member that coordinates them: each member also
        // refreshes on the replicas it sees move, and after every join.
        if (event.getReplicaIndex() == 0) {
            owners.set(ownership.partitionOwners());
        }
    }

    @Override
    public void replicaMigrationFailed(ReplicaMigrationEvent event) {
    }

    private void lifecycle(LifecycleEvent event) {
        if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
            // The minority side of a split rejoined: what it held is dispatched by its owner now.
            offload.execute(this::dispatchWaitingOnceSettled);
        }
    }

    /** How long the last take-over took, from the member's removal to its incidents resumed; null if none yet. */
    public Duration lastTakeOver() {
        return lastTakeOver;
    }

    private void dispatchWaitingOnceSettled() {
        try {
            awaitSettled();
            owners.set(ownership.partitionOwners());
            int tried = workflow.dispatchWaiting(ownership::owns);
            if (tried > 0) {
                LOG.info("The cluster has a majority: dispatched {} waiting incidents this member owns", tried);
            }
        } catch (RuntimeException e) {
            LOG.error("Dispatching the waiting incidents failed", Redacted.of(e));
        }
    }

    private void awaitOwnersOf(Set<Integer> partitions, UUID dead) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline && grid.isRunning()) {
            Map<Integer, UUID> now = ownership.partitionOwners();
            if (partitions.stream().allMatch(p -> now.containsKey(p) && !dead.equals(now.get(p)))) {
                return;
            }
            pause();
        }
    }

    private void awaitSettled() {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline && grid.isRunning() && !ownership.settled()) {
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the cluster settles", e);
        }
    }
}
