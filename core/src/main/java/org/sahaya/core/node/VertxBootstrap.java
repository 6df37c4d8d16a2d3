package org.sahaya.core.node;

import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.config.EventBusSettings;

/**
 * Creates the node's Vert.x instance: Micrometer metrics into the node's registry and a blocked
 * thread checker whose findings go to {@link EventLoopWatch}. A lone node gets a plain Vert.x; a
 * cluster member gets a clustered one over the Hazelcast member the grid already runs (one member,
 * one membership view, one failure detector).
 */
public final class VertxBootstrap {

    private VertxBootstrap() {
    }

    /**
     * @param maxEventLoopMillis how long one event-loop task may run before it counts as blocking
     */
    public static Vertx create(MeterRegistry registry, long maxEventLoopMillis) {
        Vertx vertx = Vertx.builder().with(options(maxEventLoopMillis))
                .withMetrics(new MicrometerMetricsFactory(registry)).build();
        return watched(vertx);
    }

    /**
     * A clustered Vert.x whose cluster manager uses {@code member} (it does not start or stop it: the
     * grid does). Its event bus listens on the member's own address, at the port {@code eventBus} names
     * (0: any free port), and tells peers the public address it names, if any. Blocking.
     */
    public static Vertx createClustered(MeterRegistry registry, long maxEventLoopMillis, HazelcastInstance member,
                                        EventBusSettings eventBus) throws Exception {
        VertxOptions options = options(maxEventLoopMillis);
        EventBusOptions bus = options.getEventBusOptions()
                .setHost(member.getCluster().getLocalMember().getAddress().getHost())
                .setPort(eventBus.port());
        if (eventBus.publicHost() != null) {
            bus.setClusterPublicHost(eventBus.publicHost());
        }
        if (eventBus.publicPort() > 0) {
            bus.setClusterPublicPort(eventBus.publicPort());
        }
        Vertx vertx = Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry))
                .withClusterManager(new HazelcastClusterManager(member))
                .buildClustered().await(60, TimeUnit.SECONDS);
        return watched(vertx);
    }

    private static Vertx watched(Vertx vertx) {
        ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(EventLoopWatch::blocked);
        return vertx;
    }

    private static VertxOptions options(long maxEventLoopMillis) {
        return new VertxOptions()
                .setEventLoopPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors()))
                .setMaxEventLoopExecuteTime(maxEventLoopMillis)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setBlockedThreadCheckInterval(Math.max(50, maxEventLoopMillis / 4))
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true));
    }
}
