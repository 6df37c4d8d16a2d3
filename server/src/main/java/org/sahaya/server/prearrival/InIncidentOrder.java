package org.sahaya.server.prearrival;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.log.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work later on virtual threads, one incident's work in the order it was handed over, different incidents'
 * at once. The workflow's listeners are called in line with the family's first messages, whose budget a
 * pre-arrival notice (database reads, an R4 validation, a write) must not eat into; yet an incident's notices
 * must go in the order of its events (planned before cancelled).
 */
final class InIncidentOrder {

    private static final Logger LOG = LoggerFactory.getLogger(InIncidentOrder.class);

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /** Runs {@code work} after the work handed over before for {@code incidentId}; returns at once. */
    void run(String incidentId, Runnable work) {
        CompletableFuture<Void> tail = tails.compute(incidentId, (id, before) ->
                (before == null ? CompletableFuture.<Void>completedFuture(null) : before)
                        .thenRunAsync(work, threads).exceptionally(failure -> {
                            LOG.error("Incident {}: a pre-arrival notice failed", id, Redacted.of(failure));
                            return null;
                        }));
        tail.whenComplete((done, failure) -> tails.remove(incidentId, tail));
    }

    /** Waits for the work handed over so far, at most {@code seconds}; for tests. */
    boolean idle(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!tails.isEmpty()) {
            try {
                CompletableFuture.allOf(tails.values().toArray(CompletableFuture[]::new))
                        .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // logged where it failed
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            }
        }
        return true;
    }
}
