package org.sahaya.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenLoopRunTest {

    private final SimulatedTicker clock = new SimulatedTicker();

    /** 100 per second for {@code millis}: one send every 10 ms. */
    private static Schedule hundredPerSecond(long warmupMillis, long millis) {
        return new Schedule(100, Duration.ofMillis(warmupMillis), Duration.ofMillis(millis));
    }

    @Test
    void latencyRunsFromTheIntendedSendTimeSoAStallCountsForEveryoneWhoWaited() {
        // The first request holds the sender up for 100 ms; the nine intended during the stall go late.
        Target stallsOnce = sequence -> {
            if (sequence == 0) {
                clock.stall(100);
            }
            return Future.succeededFuture(202);
        };

        RunResult result = new OpenLoopRun(hundredPerSecond(0, 100), stallsOnce, 10, Duration.ofSeconds(1), clock)
                .run("stalled");

        // A tool timing from the actual send would record 100 ms once and 0 ms nine times.
        assertThat(result.ok()).isEqualTo(10);
        assertThat(result.latencyMicros().getMaxValue() / 1000.0).isCloseTo(100, within(0.2));
        assertThat(result.latencyMicros().getMinValue() / 1000.0).isCloseTo(10, within(0.02));
        assertThat(result.latencyMicros().getMean() / 1000.0).isCloseTo(55, within(0.2));
        assertThat(result.latency().p50Ms()).isCloseTo(50, within(0.1));
    }

    @Test
    void everyScheduledRequestEndsUpOnceAsOkOrAsAnErrorOfItsKind() {
        Target mixed = sequence -> switch ((int) (sequence % 4)) {
            case 0 -> Future.succeededFuture(503);
            case 1 -> Future.failedFuture(new ConnectException("refused"));
            default -> Future.succeededFuture(202);
        };

        RunResult result = new OpenLoopRun(hundredPerSecond(0, 1000), mixed, 10, Duration.ofSeconds(1), clock)
                .run("mixed");

        assertThat(result.scheduled()).isEqualTo(100);
        assertThat(result.ok()).isEqualTo(50);
        assertThat(result.errors()).isEqualTo(Map.of("http 503", 25L, "connect refused", 25L));
        assertThat(result.ok() + result.errorCount()).isEqualTo(result.scheduled());
        assertThat(result.latencyMicros().getTotalCount()).isEqualTo(50);
    }

    @Test
    void requestsBeyondTheInFlightBoundAreRecordedAsOverloadNotQueued() {
        List<Promise<Integer>> neverAnswered = new ArrayList<>();
        Target silent = sequence -> {
            Promise<Integer> p = Promise.promise();
            neverAnswered.add(p);
            return p.future();
        };

        RunResult result = new OpenLoopRun(hundredPerSecond(0, 100), silent, 3, Duration.ofMillis(10), clock)
                .run("silent");

        assertThat(neverAnswered).hasSize(3);
        assertThat(result.errors()).isEqualTo(Map.of("overload", 7L, "unfinished", 3L));
        assertThat(result.ok()).isZero();
    }

    @Test
    void warmupIsSentButNotMeasuredAndItsErrorsAreKeptApart() {
        List<Long> sentBeforeMeasuring = new ArrayList<>();
        List<Long> sent = new ArrayList<>();
        Target coldThenFine = sequence -> {
            sent.add(sequence);
            return Future.succeededFuture(sequence < 5 ? 500 : 202);
        };

        RunResult result = new OpenLoopRun(hundredPerSecond(50, 50), coldThenFine, 10, Duration.ofSeconds(1), clock)
                .onMeasurementStart(() -> sentBeforeMeasuring.addAll(sent))
                .run("warm");

        assertThat(sent).hasSize(10);
        assertThat(sentBeforeMeasuring).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(result.scheduled()).isEqualTo(5);
        assertThat(result.ok()).isEqualTo(5);
        assertThat(result.errors()).isEmpty();
        assertThat(result.warmupErrors()).isEqualTo(Map.of("http 500", 5L));
    }

    @Test
    void aTargetThatThrowsCountsAsAnErrorAndDoesNotStopTheRun() {
        Target broken = sequence -> {
            throw new IllegalStateException("bug in the target");
        };

        RunResult result = new OpenLoopRun(hundredPerSecond(0, 100), broken, 10, Duration.ofSeconds(1), clock)
                .run("broken");

        assertThat(result.errors()).isEqualTo(Map.of("IllegalStateException", 10L));
    }
}
