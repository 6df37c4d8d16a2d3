package org.sahaya.loadtest.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A Prometheus histogram as the node exposes it: cumulative counts per upper bound ({@code le}),
 * the last bound {@code +Inf}. Percentiles are estimated the way Prometheus'
 * {@code histogram_quantile} does: linear interpolation inside the bucket the rank falls in, so an
 * estimate is only as good as the bucket boundaries around it.
 */
public record BucketHistogram(List<Bucket> buckets) {

    /** Observations at or below {@code upperBound} (seconds), counted since the node started. */
    public record Bucket(double upperBound, double cumulativeCount) {
    }

    public BucketHistogram {
        buckets = buckets.stream().sorted(Comparator.comparingDouble(Bucket::upperBound)).toList();
    }

    /** How many observations in all (the {@code +Inf} bucket). */
    public long count() {
        return buckets.isEmpty() ? 0 : Math.round(buckets.getLast().cumulativeCount());
    }

    /**
     * The observations made between {@code earlier} and this scrape, bucket by bucket. Both must
     * come from the same node (counters reset on restart).
     */
    public BucketHistogram minus(BucketHistogram earlier) {
        List<Bucket> delta = new ArrayList<>(buckets.size());
        for (Bucket b : buckets) {
            double before = earlier.buckets.stream().filter(e -> e.upperBound() == b.upperBound())
                    .mapToDouble(Bucket::cumulativeCount).findFirst().orElse(0);
            delta.add(new Bucket(b.upperBound(), Math.max(0, b.cumulativeCount() - before)));
        }
        return new BucketHistogram(delta);
    }

    /**
     * Estimated value (seconds) below which a fraction {@code q} of the observations fall; NaN with
     * no observations. A rank in the {@code +Inf} bucket answers the highest finite bound, as
     * Prometheus does: the true value is larger.
     */
    public double quantile(double q) {
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("q must be in 0..1, was " + q);
        }
        if (buckets.isEmpty() || buckets.getLast().cumulativeCount() <= 0) {
            return Double.NaN;
        }
        double rank = q * buckets.getLast().cumulativeCount();
        double lowerBound = 0;
        double below = 0;
        for (Bucket b : buckets) {
            if (b.cumulativeCount() >= rank && b.cumulativeCount() > below) {
                if (Double.isInfinite(b.upperBound())) {
                    return lowerBound;
                }
                return lowerBound + (b.upperBound() - lowerBound) * (rank - below) / (b.cumulativeCount() - below);
            }
            lowerBound = b.upperBound();
            below = b.cumulativeCount();
        }
        return lowerBound;
    }
}
