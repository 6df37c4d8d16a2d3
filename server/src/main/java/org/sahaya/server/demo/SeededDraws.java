package org.sahaya.server.demo;

import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * The only source of chance in the demo city. Built on {@link Random}, whose algorithm (including
 * {@code nextGaussian}) is fixed by its specification, so a seed gives the same city on every JDK.
 * Each part of the city draws from its own stream, so adding a hospital does not reshuffle families.
 */
final class SeededDraws {

    private final Random random;

    private SeededDraws(long seed) {
        this.random = new Random(seed);
    }

    /** An independent stream for one part of the city ({@code "fleet"}, {@code "families"}, ...). */
    static SeededDraws forPart(long seed, String part) {
        return new SeededDraws(seed * 0x9E3779B97F4A7C15L + part.hashCode());
    }

    /** @return a whole number in {@code [min, max]} */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** @return true with probability {@code p} */
    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** @return a uniform value in {@code [0, 1)} */
    double fraction() {
        return random.nextDouble();
    }

    /** @return a standard normal value */
    double gaussian() {
        return random.nextGaussian();
    }

    <T> T any(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Picks one item with probability proportional to its weight. */
    <T> T weighted(List<T> items, ToIntFunction<? super T> weight) {
        int total = items.stream().mapToInt(weight).sum();
        int ticket = random.nextInt(total);
        for (T item : items) {
            ticket -= weight.applyAsInt(item);
            if (ticket < 0) {
                return item;
            }
        }
        throw new IllegalStateException("weights changed while drawing");
    }

    /** Shuffles in place (Fisher-Yates), independent of {@code Collections.shuffle}'s internals. */
    <T> void shuffle(List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = items.get(i);
            items.set(i, items.get(j));
            items.set(j, swap);
        }
    }
}
