package org.sahaya.geo.index;

import java.util.Arrays;

/**
 * The working memory of one search, reused by the next search on the same thread so that a
 * search allocates nothing but its answer: the matching units found so far with the lower bound
 * of their distance, a hash set of their ids (a unit can be filed under two cells while it
 * moves), and a max-heap of the k smallest upper bounds, whose top says how far the k-th best
 * unit can at most be.
 */
final class SearchScratch {

    private static final ThreadLocal<SearchScratch> PER_THREAD = ThreadLocal.withInitial(SearchScratch::new);

    FiledUnit[] found = new FiledUnit[64];
    double[] lower = new double[64];
    int size;

    // Open addressing on the id; a slot is live only if stamped with this search's generation,
    // so starting a search clears the set without touching it.
    private int[] slotIndex = new int[128];
    private int[] slotGeneration = new int[128];
    private int generation;

    private double[] kSmallestUpper = new double[8];
    private int heapSize;
    private int k;
    private boolean inUse;

    /** This thread's scratch, or a fresh one if a filter re-entered the index from a search. */
    static SearchScratch acquire(int k) {
        SearchScratch scratch = PER_THREAD.get();
        if (scratch.inUse) {
            scratch = new SearchScratch();
        }
        scratch.start(k);
        return scratch;
    }

    private void start(int k) {
        inUse = true;
        this.k = k;
        size = 0;
        heapSize = 0;
        if (kSmallestUpper.length < k) {
            kSmallestUpper = new double[k];
        }
        if (++generation == 0) { // wrapped: stamps from 2^32 searches ago would look live
            Arrays.fill(slotGeneration, 0);
            generation = 1;
        }
    }

    void release() {
        Arrays.fill(found, 0, size, null); // do not keep snapshots alive until this thread's next search
        inUse = false;
    }

    /** Whether k units have been kept, so {@link #kthUpper()} means something. */
    boolean full() {
        return heapSize == k;
    }

    /** At most this far is the k-th nearest unit kept so far; only meaningful once {@link #full()}. */
    double kthUpper() {
        return kSmallestUpper[0];
    }

    /**
     * Keeps a matching unit unless it cannot be among the k nearest (its lower bound is beyond
     * the k-th upper bound) or it was already kept from another cell.
     */
    void offer(FiledUnit unit, double lowerMetres, double upperMetres) {
        if (full() && lowerMetres > kthUpper()) {
            return;
        }
        if (!addId(unit)) {
            return;
        }
        lower[size - 1] = lowerMetres;
        pushUpper(upperMetres);
    }

    private boolean addId(FiledUnit unit) {
        if ((size + 1) * 2 > slotIndex.length) {
            grow();
        }
        String id = unit.id();
        int mask = slotIndex.length - 1;
        for (int slot = spread(id.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            if (slotGeneration[slot] != generation) {
                slotGeneration[slot] = generation;
                slotIndex[slot] = size;
                if (size == found.length) {
                    found = Arrays.copyOf(found, size * 2);
                    lower = Arrays.copyOf(lower, size * 2);
                }
                found[size++] = unit;
                return true;
            }
            if (found[slotIndex[slot]].id().equals(id)) {
                return false;
            }
        }
    }

    private void grow() {
        int capacity = slotIndex.length * 2;
        slotIndex = new int[capacity];
        slotGeneration = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            int slot = spread(found[i].id().hashCode()) & mask;
            while (slotGeneration[slot] == generation) {
                slot = (slot + 1) & mask;
            }
            slotGeneration[slot] = generation;
            slotIndex[slot] = i;
        }
    }

    private static int spread(int hash) {
        return hash * 0x9E3779B9 >>> 7 ^ hash;
    }

    private void pushUpper(double upper) {
        double[] heap = kSmallestUpper;
        if (heapSize < k) {
            int i = heapSize++;
            while (i > 0 && heap[(i - 1) / 2] < upper) {
                heap[i] = heap[(i - 1) / 2];
                i = (i - 1) / 2;
            }
            heap[i] = upper;
        } else if (upper < heap[0]) {
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= k) {
                    break;
                }
                if (child + 1 < k && heap[child + 1] > heap[child]) {
                    child++;
                }
                if (heap[child] <= upper) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = upper;
        }
    }
}
