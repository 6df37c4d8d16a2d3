package org.sahaya.core.grid;

import com.hazelcast.internal.util.ConcurrencyUtil;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Where the callbacks of Hazelcast's futures run.
 *
 * <p>Why: Hazelcast runs every dependent action of an invocation future ({@code whenComplete},
 * {@code thenApply}, {@code exceptionally}, even the non-"Async" ones) on
 * {@code ConcurrencyUtil}'s default async executor. That is the common fork-join pool only when its
 * parallelism exceeds 1; on a 2-core machine it is 1, and Hazelcast (like {@code CompletableFuture})
 * then starts a brand-new platform thread per callback. A recording of a heat wave showed about 200
 * such threads a second, one per heartbeat. Hazelcast 5.3 has no property for it, only
 * {@link ConcurrencyUtil#setDefaultAsyncExecutor}, which {@link #install()} points at virtual threads
 * (cheap, never a platform thread); our own callbacks name {@link #DIRECT} or use {@link #onContext}.
 */
public final class GridCallbacks {

    /**
     * Runs a callback on the thread that completed the future: only for callbacks that hand over and
     * return at once (log a line, complete a promise), never for blocking work.
     */
    public static final Executor DIRECT = Runnable::run;

    /** Hazelcast's default for callbacks nobody gave an executor (its own, Vert.x's cluster manager's). */
    static final Executor VIRTUAL =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sahaya-grid-callback-", 0).factory());

    private GridCallbacks() {
    }

    /** Idempotent and JVM-wide (Hazelcast keeps the executor in a static field); before a member starts. */
    static void install() {
        ConcurrencyUtil.setDefaultAsyncExecutor(VIRTUAL);
    }

    /**
     * A grid future as a Vert.x future completed on the caller's context (when there is one), without a
     * thread of its own: what {@code Future.fromCompletionStage} does, but with {@link #DIRECT} instead of
     * Hazelcast's default executor.
     */
    public static <T> Future<T> onContext(CompletionStage<T> stage) {
        Context context = Vertx.currentContext();
        Promise<T> promise = Promise.promise();
        stage.whenCompleteAsync((value, failure) -> {
            Runnable complete = failure == null ? () -> promise.complete(value) : () -> promise.fail(failure);
            if (context == null) {
                complete.run();
            } else {
                context.runOnContext(v -> complete.run());
            }
        }, DIRECT);
        return promise.future();
    }
}
