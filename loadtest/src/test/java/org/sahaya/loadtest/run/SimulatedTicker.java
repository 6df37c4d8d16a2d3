package org.sahaya.loadtest.run;

/** A clock that moves only when told to, or when the generator waits for a moment on it. */
final class SimulatedTicker implements Ticker {

    private long now;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void parkUntil(long deadlineNanos) {
        now = Math.max(now, deadlineNanos);
    }

    /** Time passes while something (the target, a GC pause) holds the sender up. */
    void stall(long millis) {
        now += millis * 1_000_000;
    }
}
