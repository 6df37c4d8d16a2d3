package org.sahaya.core.node;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.concurrent.TimeUnit;

/**
 * Creates the node's Vert.x instance: Micrometer metrics into the node's registry and a blocked
 * thread checker whose findings go to {@link EventLoopWatch}.
 */
public final class VertxBootstrap {

    private VertxBootstrap() {
    }

    /**
     * @param maxEventLoopMillis how long one event-loop task may run before it counts as blocking
     */
    public static Vertx create(MeterRegistry registry, long maxEventLoopMillis) {
        VertxOptions options = new VertxOptions()
                .setEventLoopPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors()))
                .setMaxEventLoopExecuteTime(maxEventLoopMillis)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setBlockedThreadCheckInterval(Math.max(50, maxEventLoopMillis / 4))
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true));
        Vertx vertx = Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry)).build();
        ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(EventLoopWatch::blocked);
        return vertx;
    }
}
