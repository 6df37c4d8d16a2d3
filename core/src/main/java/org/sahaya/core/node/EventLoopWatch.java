package org.sahaya.core.node;

import io.vertx.core.internal.threadchecker.BlockedThreadEvent;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every time Vert.x saw one of its event-loop threads blocked, in this JVM. The node logs
 * each one; the test suite fails any test during which the count grows (invariant 4: the event loop
 * never blocks).
 */
public final class EventLoopWatch {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoopWatch.class);
    private static final AtomicLong BLOCKED = new AtomicLong();

    private EventLoopWatch() {
    }

    static void blocked(BlockedThreadEvent event) {
        if (event.thread().getName().contains("eventloop")) {
            BLOCKED.incrementAndGet();
            LOG.warn("Event loop {} blocked for {} ms (limit {} ms)", event.thread().getName(),
                    event.duration() / 1_000_000, event.maxExecTime() / 1_000_000);
        } else {
            LOG.warn("Worker {} blocked for {} ms", event.thread().getName(), event.duration() / 1_000_000);
        }
    }

    /** How many event-loop blocks were seen since the JVM started. */
    public static long blockedEventLoops() {
        return BLOCKED.get();
    }
}
