package org.sahaya.geo.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The best {@code k} candidates seen so far during one search. A max-heap keeps the current
 * worst on top, so each offer is O(log k) and the search can ask at any time how far the k-th
 * candidate is, which is what decides whether another ring is worth reading.
 */
final class NearestCandidates {

    // Ties on distance are broken by id so that the same data always gives the same answer.
    static final Comparator<Candidate> CLOSEST_FIRST =
            Comparator.comparingDouble(Candidate::distanceMetres).thenComparing(Candidate::unitId);

    private final int k;
    private final PriorityQueue<Candidate> worstFirst;

    NearestCandidates(int k) {
        this.k = k;
        this.worstFirst = new PriorityQueue<>(k + 1, CLOSEST_FIRST.reversed());
    }

    void offer(Candidate candidate) {
        if (worstFirst.size() < k) {
            worstFirst.add(candidate);
        } else if (CLOSEST_FIRST.compare(candidate, worstFirst.peek()) < 0) {
            worstFirst.poll();
            worstFirst.add(candidate);
        }
    }

    boolean isFull() {
        return worstFirst.size() == k;
    }

    /** Distance of the k-th best candidate; only meaningful once {@link #isFull()}. */
    double worstDistance() {
        return worstFirst.peek().distanceMetres();
    }

    List<Candidate> closestFirst() {
        List<Candidate> sorted = new ArrayList<>(worstFirst);
        sorted.sort(CLOSEST_FIRST);
        return List.copyOf(sorted);
    }
}
