package org.sahaya.loadtest.run;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One open-loop run: sends at the {@link Schedule}'s intended times whatever the target is doing,
 * and measures each latency from the <em>intended</em> send time, so a stalled target shows up as
 * the latency every waiting device would have seen (no coordinated omission). A sender that falls
 * behind sends late, and the lateness counts.
 * <p>
 * Bounded: at most {@code maxInFlight} requests outstanding (one more is recorded as error
 * {@code overload}, not queued), and after the last send at most {@code drainTimeout} of waiting
 * (what is still out then is recorded as {@code unfinished}). Single use; {@link #run} blocks the
 * calling thread, which must not be an event loop.
 */
public final class OpenLoopRun {

    private static final long LOWEST_MICROS = 1;
    private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(60);

    private final Schedule schedule;
    private final Target target;
    private final int maxInFlight;
    private final Duration drainTimeout;
    private final Ticker ticker;
    private Runnable onMeasurementStart = () -> { };

    private final Histogram latencies = new ConcurrentHistogram(LOWEST_MICROS, HIGHEST_MICROS, 3);
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> warmupErrors = new ConcurrentHashMap<>();
    private final LongAdder ok = new LongAdder();
    private final LongAdder measuredDone = new LongAdder();
    private final AtomicLong lastAnswer = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean sendingDone;
    private volatile boolean closed;

    public OpenLoopRun(Schedule schedule, Target target, int maxInFlight, Duration drainTimeout, Ticker ticker) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        this.schedule = schedule;
        this.target = target;
        this.maxInFlight = maxInFlight;
        this.drainTimeout = drainTimeout;
        this.ticker = ticker;
    }

    /** Called on the sender thread when the warm-up ends, before the first measured send. Must not block. */
    public OpenLoopRun onMeasurementStart(Runnable action) {
        this.onMeasurementStart = action;
        return this;
    }

    public RunResult run(String label) {
        long start = ticker.nanoTime();
        long warmup = schedule.warmupCount();
        for (long i = 0; i < schedule.totalCount(); i++) {
            if (i == warmup) {
                onMeasurementStart.run();
            }
            long intended = start + schedule.intendedOffsetNanos(i);
            ticker.parkUntil(intended);
            fire(i, intended, i >= warmup);
        }
        sendingDone = true;
        if (inFlight.get() == 0) {
            drained.complete(null);
        }
        awaitDrained();
        closed = true;
        return result(label, start + schedule.measurementStartNanos());
    }

    private void fire(long sequence, long intended, boolean measured) {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            error(measured, "overload");
            return;
        }
        Future<Integer> answer;
        try {
            answer = target.send(sequence);
        } catch (RuntimeException e) {
            answer = Future.failedFuture(e);
        }
        answer.onComplete(a -> answered(intended, measured, a));
    }

    private void answered(long intended, boolean measured, AsyncResult<Integer> answer) {
        long now = ticker.nanoTime();
        boolean success = answer.succeeded() && answer.result() / 100 == 2;
        if (success && measured && !closed) {
            long micros = (now - intended) / 1_000;
            latencies.recordValue(Math.max(LOWEST_MICROS, Math.min(HIGHEST_MICROS, micros)));
            ok.increment();
            measuredDone.increment();
            lastAnswer.accumulateAndGet(now, Math::max);
        } else if (!success && !closed) {
            error(measured, answer.succeeded() ? "http " + answer.result() : kindOf(answer.cause()));
        }
        if (inFlight.decrementAndGet() == 0 && sendingDone) {
            drained.complete(null);
        }
    }

    /** Warm-up errors are kept apart: not in the results, but reported, since they say the target struggled. */
    private void error(boolean measured, String kind) {
        (measured ? errors : warmupErrors).computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (measured) {
            measuredDone.increment();
        }
    }

    private void awaitDrained() {
        try {
            drained.get(drainTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // What is still out is counted as unfinished below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private RunResult result(String label, long measurementStart) {
        Map<String, Long> counts = sums(errors);
        long unfinished = schedule.measuredCount() - measuredDone.sum();
        if (unfinished > 0) {
            counts.put("unfinished", unfinished);
        }
        long answered = ok.sum();
        double seconds = (lastAnswer.get() - measurementStart) / 1e9;
        double achieved = answered == 0 || seconds <= 0 ? 0 : answered / seconds;
        return new RunResult(label, schedule.ratePerSecond(), schedule.duration(), schedule.measuredCount(), answered,
                counts, latencies.copy(), achieved, sums(warmupErrors));
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> sums = new TreeMap<>();
        counters.forEach((kind, n) -> sums.put(kind, n.sum()));
        return sums;
    }

    /** A short, stable name for why a request got no answer. */
    static String kindOf(Throwable failure) {
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            return "timeout";
        }
        if (failure instanceof ConnectException) {
            return "connect refused";
        }
        return failure.getClass().getSimpleName();
    }
}
