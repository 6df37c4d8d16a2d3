package org.sahaya.loadtest.single;

import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.sahaya.loadtest.alerts.AlertTarget;
import org.sahaya.loadtest.alerts.IncidentCheck;
import org.sahaya.loadtest.alerts.IncidentSample;
import org.sahaya.loadtest.alerts.TrafficMix;
import org.sahaya.loadtest.metrics.BucketHistogram;
import org.sahaya.loadtest.metrics.NodeMetrics;
import org.sahaya.loadtest.metrics.StageLatency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sahaya.loadtest.run.Await;
import org.sahaya.loadtest.run.Endpoint;
import org.sahaya.loadtest.run.StaffSession;
import org.sahaya.loadtest.run.OpenLoopRun;
import org.sahaya.loadtest.run.RunResult;
import org.sahaya.loadtest.run.Schedule;
import org.sahaya.loadtest.run.Target;
import org.sahaya.loadtest.run.Ticker;
import org.sahaya.loadtest.report.RatePoint;

/**
 * Measures one arrival rate: the baseline endpoint first (when there is one), then the node with
 * the identical traffic; then reads the node's stage timers over the measured period and checks
 * a sample of the incidents it named.
 */
final class Benchmark {

    private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);
    private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(10);

    private final RunOptions options;
    private final WebClient client;
    private final Endpoint baseline;
    private final NodeMetrics metrics;
    private final TrafficMix mix;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    private final Targets targets;

    /** What a run sends to: the node or the baseline, with this run's alert-id tag and incident sample. */
    @FunctionalInterface
    interface Targets {
        Target to(Endpoint endpoint, String runTag, TrafficMix mix, IncidentSample sample);
    }

    /** @param baseline the bare endpoint, or null to measure the node only */
    Benchmark(RunOptions options, WebClient client, Endpoint baseline) {
        this(options, client, baseline, (endpoint, runTag, mix, sample) ->
                new AlertTarget(client, endpoint, runTag, mix, sample, options.requestTimeout()));
    }

    /** @param targets how to reach the node and the baseline (HTTP by default; MQTT with {@code --mqtt}) */
    Benchmark(RunOptions options, WebClient client, Endpoint baseline, Targets targets) {
        this.options = options;
        this.client = client;
        this.baseline = baseline;
        this.targets = targets;
        this.metrics = new NodeMetrics(client, options.management(), SCRAPE_TIMEOUT);
        this.mix = new TrafficMix(options.devices(), options.seed());
    }

    /** Fails fast, before any load, when the node does not answer. */
    void checkNodeAnswers() {
        Await.result(metrics.stages(), SCRAPE_TIMEOUT, "GET " + options.management() + "/metrics");
    }

    RatePoint measure(int rate) {
        Schedule schedule = new Schedule(rate, options.warmup(), options.duration());
        RunResult base = null;
        if (baseline != null) {
            LOG.info("{}/s against the baseline {} for {} s (+{} s warm-up)", rate, baseline,
                    options.duration().toSeconds(), options.warmup().toSeconds());
            base = run(schedule, targets.to(baseline, tag(rate, "b"), mix, IncidentSample.none()), "baseline", () -> { });
        }
        LOG.info("{}/s against the node {} for {} s (+{} s warm-up)", rate, options.node(),
                options.duration().toSeconds(), options.warmup().toSeconds());
        IncidentSample sample = IncidentSample.spread(schedule.totalCount(), options.sampleSize());
        AtomicReference<Future<Map<String, BucketHistogram>>> before = new AtomicReference<>();
        RunResult node = run(schedule, targets.to(options.node(), tag(rate, "n"), mix, sample), "sahaya",
                () -> before.set(metrics.stages()));
        settle();
        Map<String, BucketHistogram> start = Await.result(before.get(), SCRAPE_TIMEOUT, "GET /metrics");
        Map<String, BucketHistogram> end = Await.result(metrics.stages(), SCRAPE_TIMEOUT, "GET /metrics");
        List<StageLatency> stages = StageLatency.between(start, end);
        IncidentCheck.Result incidents = Await.result(
                StaffSession.reader(client, options.node(), options.requestTimeout()).compose(reader ->
                        IncidentCheck.run(reader, options.node(), sample.entries(), options.requestTimeout())),
                options.requestTimeout().plus(SCRAPE_TIMEOUT), "checking incidents");
        return new RatePoint(rate, node, base, stages, incidents);
    }

    private RunResult run(Schedule schedule, Target target, String label, Runnable atMeasurementStart) {
        return new OpenLoopRun(schedule, target, options.maxInFlight(), options.requestTimeout().plusSeconds(1),
                Ticker.system())
                .onMeasurementStart(atMeasurementStart)
                .run(label);
    }

    /** Lets the node finish the run's dispatches and notifications, so the stage timers include them. */
    private void settle() {
        long until = System.nanoTime() + options.settle().toNanos();
        Ticker.system().parkUntil(until);
    }

    /** Alert ids unique to this invocation, rate and target: no send is a resend of another run's. */
    private String tag(int rate, String target) {
        return "lt-" + runId + "-" + rate + target;
    }
}
