package org.sahaya.core;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Generates our own ids: a prefix, the creation time in base 36 (so ids sort roughly by age) and
 * random characters (so members of a cluster never collide), e.g. {@code INC-MGX2K9QZ-4F7Q2A}.
 */
public final class Ids {

    private final Clock clock;

    public Ids(Clock clock) {
        this.clock = clock;
    }

    public String next(String prefix) {
        String time = Long.toString(clock.millis(), 36).toUpperCase();
        String random = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
        return prefix + "-" + time + "-" + "0".repeat(6 - random.length()) + random.toUpperCase();
    }
}
