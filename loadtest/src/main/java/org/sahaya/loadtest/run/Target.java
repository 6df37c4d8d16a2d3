package org.sahaya.loadtest.run;

import io.vertx.core.Future;

/** What an open-loop run sends to: one request per sequence number, answered by an HTTP status. */
@FunctionalInterface
public interface Target {

    /**
     * Sends request {@code sequence} without blocking.
     *
     * @return the HTTP status of the answer; a failed future for no answer (refused, timed out)
     */
    Future<Integer> send(long sequence);
}
