package org.sahaya.server.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sahaya.core.metrics.StageTimers;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.secret.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's rows: each partner has a lane, a virtual thread that sends the partner's pending rows
 * one at a time in id order (a job's WITHDRAWN never overtakes its OFFERED) and ends when the head of the
 * lane is not due; lanes of different partners run side by side, so a partner whose endpoint is down or slow
 * holds up only its own rows. A kick (after a commit that enqueued) and a sweep every second (retries, rows
 * a dead member held) look for partners with due rows and start their lanes. Members share the table: a
 * row is sent by the member that claimed it ({@code claimed_by}, for {@link DeliveryTimings#claim}), and
 * only the head of a partner's lane is ever claimed, so two members never send one partner's rows out of
 * order. Nothing here runs on an event loop.
 */
public final class DeliverySender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverySender.class);

    private final Database database;
    private final String member;
    private final Clock clock;
    private final DeliveryTimings timings;
    private final DeliveryAttempt attempt;
    private final DeliveryMetrics metrics;
    private final DeliveryRows rows = new DeliveryRows();
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("partner-outbox-", 0).factory());
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("partner-outbox-sweep").factory());
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicBoolean passRunning = new AtomicBoolean();
    private final AtomicBoolean passWanted = new AtomicBoolean();
    private volatile boolean started;
    private volatile boolean closed;

    /**
     * @param member this member's id: what its claims carry (a restarted member has a new one; its old
     *               claims run out)
     */
    public DeliverySender(Database database, SecretBox secrets, String member, Clock clock, DeliveryTimings timings,
                          MeterRegistry registry, StageTimers stages) {
        this.database = database;
        this.member = member;
        this.clock = clock;
        this.timings = timings;
        this.metrics = new DeliveryMetrics(registry, stages);
        this.attempt = new DeliveryAttempt(database, new PartnerAddresses(secrets), new PartnerPost(timings), rows,
                metrics, member, clock, timings);
    }

    /** Starts the sweep (at once: rows left by a member that stopped go out now). */
    public void start() {
        started = true;
        sweeper.scheduleWithFixedDelay(this::sweep, 0, timings.sweep().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Looks for due rows now, on a virtual thread; returns at once. */
    public void kick() {
        if (!started || closed) {
            return;
        }
        passWanted.set(true);
        if (passRunning.compareAndSet(false, true)) {
            workers.execute(this::passes);
        }
    }

    private void sweep() {
        if (closed) {
            return;
        }
        try {
            workers.execute(() -> {
                try {
                    metrics.pending(database.withConnection(rows::pending));
                } catch (RuntimeException e) {
                    LOG.warn("Counting pending partner deliveries failed: {}", e.getClass().getSimpleName());
                }
            });
            kick();
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // closed between the check and here
        }
    }

    /** One pass at a time; kicks during a pass make one more pass after it, not one each. */
    private void passes() {
        try {
            while (!closed && passWanted.getAndSet(false)) {
                pass();
            }
        } finally {
            passRunning.set(false);
            if (passWanted.get() && !closed && passRunning.compareAndSet(false, true)) {
                workers.execute(this::passes);
            }
        }
    }

    private void pass() {
        List<String> partners;
        try {
            Instant now = clock.instant();
            partners = database.withConnection(c -> rows.partnersDue(c, now));
        } catch (RuntimeException e) {
            LOG.warn("Looking for due partner deliveries failed: {}", e.getClass().getSimpleName());
            return;
        }
        partners.forEach(this::poke);
    }

    /** Starts the partner's lane, or tells the running one to look once more before it ends. */
    private void poke(String partnerId) {
        lanes.compute(partnerId, (id, lane) -> {
            if (lane == null) {
                try {
                    workers.execute(() -> run(id));
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    return null; // the sender is closing: the next member or start sends it
                }
                return new Lane();
            }
            lane.again = true;
            return lane;
        });
    }

    private void run(String partnerId) {
        while (true) {
            try {
                drain(partnerId);
            } catch (RuntimeException e) {
                LOG.warn("The lane of partner {} stopped: {} (the sweep starts it again)", partnerId,
                        e.getClass().getSimpleName());
            }
            boolean[] ended = {false};
            lanes.compute(partnerId, (id, lane) -> {
                if (lane != null && lane.again && !closed) {
                    lane.again = false;
                    return lane;
                }
                ended[0] = true;
                return null;
            });
            if (ended[0]) {
                return;
            }
        }
    }

    /** Sends the head of the lane while it is due and ours to take. */
    private void drain(String partnerId) {
        while (!closed) {
            Instant now = clock.instant();
            Optional<PendingDelivery> head = database.withConnection(c -> rows.head(c, partnerId));
            if (head.isEmpty() || !head.get().sendableBy(member, now)) {
                return;
            }
            PendingDelivery d = head.get();
            if (!database.withConnection(c -> rows.claim(c, d.id(), member, now, now.plus(timings.claim())))) {
                return; // another member holds it: its lane sends this partner's rows now
            }
            attempt.make(d, () -> closed);
        }
    }

    /**
     * Stops sending: no new attempt starts, attempts under way are cut off (recorded as not made), and this
     * member's claims are let go so that another member, or this node's next start, sends those rows at once.
     */
    @Override
    public void close() {
        closed = true;
        sweeper.shutdownNow();
        attempt.close();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(timings.request().toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
                LOG.warn("Partner deliveries still under way at close; their claims run out in {}", timings.claim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            database.withConnection(c -> rows.release(c, member));
        } catch (RuntimeException e) {
            LOG.warn("Could not let go of this member's partner deliveries: {}; their claims run out in {}",
                    e.getClass().getSimpleName(), timings.claim());
        }
    }

    /** Stops as a killed process would: nothing recorded, no claim let go (they run out). For crash tests. */
    public void abandon() {
        closed = true;
        sweeper.shutdownNow();
        workers.shutdownNow();
        attempt.close();
    }

    /** A running lane; {@code again} is read and written only inside {@code lanes.compute}. */
    private static final class Lane {
        boolean again;
    }
}
