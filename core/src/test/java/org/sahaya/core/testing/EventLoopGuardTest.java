package org.sahaya.core.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.sahaya.core.node.EventLoopWatch;
import org.sahaya.core.node.VertxBootstrap;

class EventLoopGuardTest {

    @Test
    @BlocksEventLoopOnPurpose
    void aBlockedEventLoopFailsTheTest() throws Exception {
        long before = EventLoopWatch.blockedEventLoops();
        Vertx vertx = VertxBootstrap.create(new SimpleMeterRegistry(), 100);
        try {
            // The wrong way, on purpose: a blocking wait on the event loop.
            vertx.runOnContext(v -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(600)));
            await().atMost(Duration.ofSeconds(10)).until(() -> EventLoopWatch.blockedEventLoops() > before);
            assertThatThrownBy(() -> EventLoopGuard.check(before))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("event loop was blocked");
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
