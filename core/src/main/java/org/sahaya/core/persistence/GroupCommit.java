package org.sahaya.core.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the outbox's small writes: the units of work that many senders hand in at the same
 * moment (an outbox write, a hand-over mark, a SENT mark) run in one transaction, and each caller
 * returns only after that transaction committed. A unit's meaning does not change: it sees the rows
 * the units before it in the batch wrote, its result is its own, and it is committed before its caller
 * goes on (so a hand-over is still announced in a committed row before the provider is called).
 *
 * <p>Nothing waits to fill a batch: a lane takes whatever queued up while it was committing the last
 * one, so a quiet node commits each unit at once and a busy one commits many per transaction (one
 * commit, one fsync on PostgreSQL, one connection checkout instead of one per unit).
 *
 * <p>If a batch fails (a lock timeout, a deadlock between two lanes, a unit that throws), it is rolled
 * back whole and each of its units runs again in its own transaction, so one unit's failure is only
 * its own caller's. Units must therefore not depend on having run once only outside the database.
 *
 * <p>{@link #run} blocks: call it from a virtual thread.
 */
public final class GroupCommit {

    /** Units per transaction at most; past this the rest waits for the next one. */
    public static final int MAX_BATCH = 256;

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final Database database;
    private final int lanes;
    private final ConcurrentLinkedQueue<Unit<?>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private final LongAdder rolledBack = new LongAdder();

    /**
     * @param lanes transactions in flight at once (a database with a network round trip per statement
     *              wants more than one; an embedded one is CPU-bound either way). A lane is a virtual
     *              thread that lives only while there is work queued.
     */
    public GroupCommit(Database database, int lanes) {
        this.database = Objects.requireNonNull(database, "database");
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be at least 1: " + lanes);
        }
        this.lanes = lanes;
    }

    /**
     * Runs {@code work} in a transaction shared with other callers' units and returns its result once
     * committed.
     *
     * @throws PersistenceException (or what {@code work} threw) if it failed
     *         in its own transaction; nothing of it is then committed
     */
    public <T> T run(Database.Work<T> work) {
        Unit<T> unit = new Unit<>(work, new CompletableFuture<>());
        queue.add(unit);
        startLaneIfIdle();
        try {
            return unit.result().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Batches of more than one unit rolled back and run again unit by unit so far: each one is a lock
     * wait or a conflict between units that cost every unit of the batch a second transaction.
     */
    public long rolledBack() {
        return rolledBack.sum();
    }

    private void startLaneIfIdle() {
        int now;
        while ((now = running.get()) < lanes && !queue.isEmpty()) {
            if (running.compareAndSet(now, now + 1)) {
                Thread.ofVirtual().name("sahaya-group-commit").start(this::drain);
                return;
            }
        }
    }

    private void drain() {
        List<Unit<?>> batch = new ArrayList<>();
        try {
            Unit<?> next;
            while ((next = queue.poll()) != null) {
                batch.add(next);
                while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                    batch.add(next);
                }
                try {
                    commit(batch);
                } catch (Error e) {
                    // Never leave a caller waiting forever.
                    batch.forEach(unit -> unit.result().completeExceptionally(e));
                    throw e;
                }
                batch.clear();
            }
        } finally {
            running.decrementAndGet();
        }
        // A unit queued after the last poll but before the decrement found every lane busy.
        startLaneIfIdle();
    }

    private void commit(List<Unit<?>> batch) {
        List<Object> results;
        try {
            results = database.inTransaction(c -> {
                List<Object> out = new ArrayList<>(batch.size());
                for (Unit<?> unit : batch) {
                    out.add(unit.work().run(c));
                }
                return out;
            });
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().result().completeExceptionally(e);
                return;
            }
            rolledBack.increment();
            LOG.debug("group of {} rolled back ({}); committing each on its own", batch.size(),
                    e.getClass().getSimpleName());
            batch.forEach(this::commitAlone);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results.get(i));
        }
    }

    private <T> void commitAlone(Unit<T> unit) {
        try {
            unit.result().complete(database.inTransaction(unit.work()));
        } catch (RuntimeException e) {
            unit.result().completeExceptionally(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Unit<T> unit, Object result) {
        unit.result().complete((T) result);
    }

    private record Unit<T>(Database.Work<T> work, CompletableFuture<T> result) {
    }
}
