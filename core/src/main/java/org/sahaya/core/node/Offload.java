package org.sahaya.core.node;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs blocking work (JDBC, grid calls, provider SDKs) on a virtual thread and completes the
 * returned future back on the caller's Vert.x context, so event-loop code composes it like any
 * other future and never blocks.
 */
public final class Offload implements AutoCloseable {

    private final ExecutorService executor =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sahaya-vt-", 0).factory());

    public <T> Future<T> submit(Callable<T> task) {
        Context context = Vertx.currentContext();
        Promise<T> promise = Promise.promise();
        executor.execute(() -> {
            try {
                T result = task.call();
                complete(context, () -> promise.complete(result));
            } catch (Throwable e) {
                complete(context, () -> promise.fail(e));
            }
        });
        return promise.future();
    }

    /** Fire-and-forget blocking work; failures are the task's own to record. */
    public void execute(Runnable task) {
        executor.execute(task);
    }

    private static void complete(Context context, Runnable completion) {
        if (context == null) {
            completion.run();
        } else {
            context.runOnContext(v -> completion.run());
        }
    }

    @Override
    public void close() {
        executor.close();
    }
}
