package org.sahaya.loadtest.run;

import java.util.concurrent.locks.LockSupport;

/** The generator's monotonic clock, and a way to wait for a moment on it. Tests pass a simulated one. */
public interface Ticker {

    long nanoTime();

    /** Returns at or after {@code deadlineNanos} (at once when it has passed). */
    void parkUntil(long deadlineNanos);

    /**
     * The real clock. Parks rather than spins: on a small machine shared with the node, spinning
     * would steal the node's CPU. The park's lateness (tens of µs) is counted in the latency, since
     * latency runs from the intended time, and the baseline pays it too.
     */
    static Ticker system() {
        return new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void parkUntil(long deadlineNanos) {
                for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                }
            }
        };
    }
}
