package org.sahaya.loadtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketHistogramTest {

    private static BucketHistogram histogram(double... boundsAndCounts) {
        List<BucketHistogram.Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < boundsAndCounts.length; i += 2) {
            buckets.add(new BucketHistogram.Bucket(boundsAndCounts[i], boundsAndCounts[i + 1]));
        }
        return new BucketHistogram(buckets);
    }

    private final BucketHistogram forty = histogram(0.001, 10, 0.002, 30, 0.005, 40, Double.POSITIVE_INFINITY, 40);

    @Test
    void interpolatesInsideTheBucketTheRankFallsIn() {
        assertThat(forty.quantile(0.50)).isCloseTo(0.0015, within(1e-12)); // rank 20: halfway through (1 ms, 2 ms]
        assertThat(forty.quantile(0.25)).isCloseTo(0.0010, within(1e-12)); // rank 10: top of the first bucket
        assertThat(forty.quantile(0.10)).isCloseTo(0.0004, within(1e-12)); // the first bucket starts at 0
        assertThat(forty.quantile(1.00)).isCloseTo(0.0050, within(1e-12));
        assertThat(forty.count()).isEqualTo(40);
    }

    @Test
    void aRankBeyondTheLastFiniteBoundAnswersThatBoundAsPrometheusDoes() {
        BucketHistogram slowTail = histogram(0.001, 5, 0.010, 8, Double.POSITIVE_INFINITY, 10);

        assertThat(slowTail.quantile(0.99)).isEqualTo(0.010);
    }

    @Test
    void noObservationsHaveNoPercentiles() {
        assertThat(histogram().quantile(0.5)).isNaN();
        assertThat(histogram(0.001, 0, Double.POSITIVE_INFINITY, 0).quantile(0.99)).isNaN();
    }

    @Test
    void theDifferenceOfTwoScrapesHoldsOnlyWhatHappenedBetweenThem() {
        BucketHistogram later = histogram(0.001, 110, 0.002, 130, 0.005, 140, Double.POSITIVE_INFINITY, 142);
        BucketHistogram earlier = histogram(0.001, 100, 0.002, 100, 0.005, 100, Double.POSITIVE_INFINITY, 102);

        BucketHistogram run = later.minus(earlier);

        assertThat(run.buckets()).extracting(BucketHistogram.Bucket::cumulativeCount).containsExactly(10.0, 30.0, 40.0, 40.0);
        assertThat(run.quantile(0.5)).isCloseTo(0.0015, within(1e-12));
    }

    @Test
    void bucketsAreReadInBoundOrderWhateverOrderTheyCameIn() {
        BucketHistogram shuffled = histogram(Double.POSITIVE_INFINITY, 40, 0.005, 40, 0.001, 10, 0.002, 30);

        assertThat(shuffled.quantile(0.5)).isEqualTo(forty.quantile(0.5));
    }
}
