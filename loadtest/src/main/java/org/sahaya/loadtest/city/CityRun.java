package org.sahaya.loadtest.city;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.sahaya.loadtest.run.OpenLoopRun;
import org.sahaya.loadtest.run.Target;
import org.sahaya.loadtest.run.Ticker;

/**
 * Runs every stream of a city scenario at once, each open loop on its own sender thread with its
 * own histogram and error counts, the surge streams starting when they are due. Blocks until all
 * streams have drained; call it from the tool's main thread, never an event loop.
 */
public final class CityRun {

    private final List<StreamPlan> plans;
    private final Function<StreamPlan, Target> targets;
    private final int maxInFlight;
    private final Duration drainTimeout;
    private final Ticker ticker;

    /**
     * @param targets     where each stream sends; a null target leaves that stream out of this run
     * @param maxInFlight per stream: one more outstanding request is counted as {@code overload}
     */
    public CityRun(List<StreamPlan> plans, Function<StreamPlan, Target> targets, int maxInFlight, Duration drainTimeout,
                   Ticker ticker) {
        this.plans = List.copyOf(plans);
        this.targets = targets;
        this.maxInFlight = maxInFlight;
        this.drainTimeout = drainTimeout;
        this.ticker = ticker;
    }

    /** @param atMeasurementStart runs once, when the first background stream's warm-up ends; must not block */
    public List<StreamResult> run(String label, Runnable atMeasurementStart) {
        long start = ticker.nanoTime();
        List<Future<StreamResult>> running = new ArrayList<>();
        ExecutorService senders = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("city-sender-", 0).factory());
        try {
            boolean first = true;
            for (StreamPlan plan : plans) {
                Target target = targets.apply(plan);
                if (target == null) {
                    continue;
                }
                OpenLoopRun run = new OpenLoopRun(plan.schedule(), target, maxInFlight, drainTimeout, ticker);
                if (first && !plan.surge()) {
                    run.onMeasurementStart(atMeasurementStart);
                    first = false;
                }
                running.add(senders.submit(() -> {
                    ticker.parkUntil(start + plan.startsAt().toNanos());
                    return new StreamResult(plan, run.run(label + " " + plan.name()));
                }));
            }
            List<StreamResult> results = new ArrayList<>();
            for (Future<StreamResult> f : running) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("city run interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a stream failed: " + e.getCause(), e.getCause());
        } finally {
            senders.shutdownNow();
        }
    }
}
