package org.sahaya.core.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sahaya.core.node.EventLoopWatch;

/**
 * Fails any test during which a Vert.x event loop was reported blocked (invariant 4). Registered
 * for every test of every module through JUnit's extension auto-detection (this test-jar's
 * {@code META-INF/services} and {@code junit-platform.properties}).
 */
public final class EventLoopGuard implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EventLoopGuard.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("before", EventLoopWatch.blockedEventLoops());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getRequiredTestMethod().isAnnotationPresent(BlocksEventLoopOnPurpose.class)) {
            return;
        }
        check(context.getStore(NS).get("before", Long.class));
    }

    /** @throws AssertionError if the event loop was reported blocked since {@code before} */
    public static void check(long before) {
        long blocked = EventLoopWatch.blockedEventLoops() - before;
        if (blocked > 0) {
            throw new AssertionError("a Vert.x event loop was blocked " + blocked
                    + " time(s) during this test; blocking work belongs on a virtual thread (see the log for the thread)");
        }
    }
}
