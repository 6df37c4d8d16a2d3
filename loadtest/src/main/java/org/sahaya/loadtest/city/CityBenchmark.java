package org.sahaya.loadtest.city;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sahaya.loadtest.run.Await;
import org.sahaya.loadtest.run.Endpoint;
import org.sahaya.loadtest.run.Target;
import org.sahaya.loadtest.run.Ticker;
import org.sahaya.loadtest.alerts.AlertTarget;
import org.sahaya.loadtest.alerts.IncidentSample;
import org.sahaya.loadtest.alerts.TrafficMix;
import org.sahaya.loadtest.dc09.Dc09AlertTarget;
import org.sahaya.loadtest.dc09.Dc09Panels;
import org.sahaya.loadtest.metrics.BucketHistogram;
import org.sahaya.loadtest.metrics.NodeMetrics;
import org.sahaya.loadtest.mqtt.MqttAlertTarget;
import org.sahaya.loadtest.mqtt.MqttDevices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sahaya.loadtest.city.map.CityMap;

/**
 * Measures the city scenario at one alert rate: the bare endpoint first and the reference
 * dispatcher second (each with the scenario's HTTP streams, the MQTT and DC-09 shares sent as
 * HTTP), then the node with every stream; then the node's stage timers over its measured period
 * and the invariants on its API. The crews (when on) are one for the whole ladder: they work the node
 * during each rung's node run and carry their open jobs from one rung to the next.
 */
public final class CityBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(CityBenchmark.class);
    private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration CHECK_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final Vertx vertx;
    private final CityOptions options;
    private final WebClient client;
    /** Reads incidents as the demo supervisor ({@link org.sahaya.loadtest.run.StaffSession}). */
    private final WebClient reader;
    private final CityMap city;
    private final MqttDevices mqtt;
    private final Supplier<Dc09Panels> dc09Connect;
    private Dc09Panels dc09;
    private final Endpoint reference;
    private final Endpoint baseline;
    private final NodeMetrics metrics;
    private final Crews crews;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    /**
     * @param mqtt, dc09, reference, baseline null when not in this run
     * @param dc09 connects the hubs; called before each node run (the receiver closes a panel connection idle for
     *             two minutes, as long as the baseline and reference runs may take), closed after it
     */
    public CityBenchmark(Vertx vertx, CityOptions options, WebClient client, WebClient reader, CityMap city, MqttDevices mqtt, Supplier<Dc09Panels> dc09,
                         Endpoint reference, Endpoint baseline) {
        this.vertx = vertx;
        this.options = options;
        this.client = client;
        this.reader = reader;
        this.city = city;
        this.mqtt = mqtt;
        this.dc09Connect = dc09;
        this.reference = reference;
        this.baseline = baseline;
        this.metrics = new NodeMetrics(client, options.management(), SCRAPE_TIMEOUT);
        this.crews = options.jobTime().isZero() ? null
                : new Crews(vertx, client, reader, options.node(), options.jobTime(), options.requestTimeout());
    }

    public CityPoint measure(int alertRate) {
        CityScenario httpOnly = options.scenario(alertRate, city.units().size(), city.hospitals().size(), false, false);
        List<StreamResult> base = List.of();
        if (baseline != null) {
            LOG.info("city at {} alerts/s against the baseline {}", alertRate, baseline);
            base = run(httpOnly, "baseline", plan -> httpTarget(plan, baseline, "b" + alertRate, IncidentSample.none()),
                    () -> { });
        }
        List<StreamResult> ref = List.of();
        if (reference != null) {
            LOG.info("city at {} alerts/s against the reference dispatcher {}", alertRate, reference);
            ref = run(httpOnly, "reference", plan -> httpTarget(plan, reference, "r" + alertRate, IncidentSample.none()),
                    () -> { });
        }
        CityScenario full = options.scenario(alertRate, city.units().size(), city.hospitals().size(), mqtt != null,
                dc09Connect != null);
        dc09 = dc09Connect == null ? null : dc09Connect.get();
        LOG.info("city at {} alerts/s against the node {}: {}", alertRate, options.node(), full.describe());
        List<IncidentSample> samples = new ArrayList<>();
        PushedAlerts pushed = new PushedAlerts();
        AtomicReference<Future<Map<String, BucketHistogram>>> before = new AtomicReference<>();
        if (crews != null) {
            crews.start();
        }
        List<StreamResult> node = run(full, "sahaya", plan -> nodeTarget(plan, "n" + alertRate, samples, pushed),
                () -> before.set(metrics.stages()));
        if (dc09 != null) {
            dc09.close();
        }
        settle();
        Map<String, Integer> crewAnswers = crews == null ? Map.of() : stopCrews(alertRate);
        Map<String, BucketHistogram> start = Await.result(before.get(), SCRAPE_TIMEOUT, "GET /metrics");
        Map<String, BucketHistogram> end = Await.result(metrics.stages(), SCRAPE_TIMEOUT, "GET /metrics");
        List<IncidentSample.Entry> acknowledged = new ArrayList<>();
        samples.forEach(s -> acknowledged.addAll(s.entries()));
        InvariantCheck.Result invariants;
        try {
            // the node may still be working off a surge: its read API gets longer than the devices' timeout
            invariants = Await.result(new InvariantCheck(reader, options.node(), CHECK_REQUEST_TIMEOUT)
                    .run(acknowledged, pushed.entries()), CHECK_TIMEOUT, "checking the invariants");
        } catch (IllegalStateException e) {
            LOG.warn("city at {} alerts/s: {}", alertRate, e.getMessage());
            invariants = InvariantCheck.unchecked(acknowledged, pushed.entries(), e.getMessage());
        }
        return new CityPoint(alertRate, full, node, ref, base, StageRow.between(start, end), invariants,
                crewAnswers);
    }

    /**
     * Warms the node up before the first measured rate: every node stream at {@code alertRate} for
     * {@code --prewarm} seconds, crews working, nothing of it measured or checked. A ladder's first
     * rungs otherwise measure the JIT compiling the hot path rather than the rate.
     */
    public void prewarm(int alertRate) {
        CityScenario warm = options.prewarmScenario(alertRate, city.units().size(), city.hospitals().size(), mqtt != null,
                dc09Connect != null);
        dc09 = dc09Connect == null ? null : dc09Connect.get();
        LOG.info("warming the node up for {} s at {} alerts/s (not measured)", options.prewarm().toSeconds(), alertRate);
        if (crews != null) {
            crews.start();
        }
        run(warm, "prewarm", plan -> nodeTarget(plan, "w" + alertRate, new ArrayList<>(), new PushedAlerts()), () -> { });
        if (dc09 != null) {
            dc09.close();
        }
        settle();
        if (crews != null) {
            stopCrews(alertRate);
        }
    }

    /** Ends the crews' rung once their last reports are answered, so that the check reads a quiet node. */
    private Map<String, Integer> stopCrews(int alertRate) {
        // a unit has at most its job's three reports queued, one after the other
        Duration lastReports = options.requestTimeout().multipliedBy(3).plusSeconds(5);
        try {
            return Await.result(crews.stop(), lastReports, "the crews' last reports");
        } catch (IllegalStateException e) {
            LOG.warn("city at {} alerts/s: {}", alertRate, e.getMessage());
            return crews.answers();
        }
    }

    private List<StreamResult> run(CityScenario scenario, String label, Function<StreamPlan, Target> targets,
                                   Runnable atMeasurementStart) {
        return new CityRun(scenario.streams(), targets, options.maxInFlight(),
                options.requestTimeout().plusSeconds(1), Ticker.system()).run(label, atMeasurementStart);
    }

    private Target nodeTarget(StreamPlan plan, String tag, List<IncidentSample> samples, PushedAlerts pushed) {
        return switch (plan.kind()) {
            case ALERT_MQTT -> new MqttAlertTarget(mqtt, runId + "-" + tag + "-" + plan.name(), mix(plan), options.requestTimeout(),
                    (device, alertId, type, at) -> {
                        if (PushedAlerts.kept(type)) {
                            pushed.acknowledged(new PushedAlerts.Entry("mqtt", device, alertId, at));
                        }
                    });
            case ALERT_DC09 -> new Dc09AlertTarget(dc09, mix(plan), options.requestTimeout(), (hub, type, at) -> {
                if (PushedAlerts.kept(type)) {
                    pushed.acknowledged(new PushedAlerts.Entry("dc09", hub, null, at));
                }
            });
            case ALERT_HTTP -> {
                IncidentSample sample = IncidentSample.spread(plan.schedule().totalCount(), options.sampleSize() / 2);
                samples.add(sample);
                yield httpTarget(plan, options.node(), tag, sample);
            }
            default -> httpTarget(plan, options.node(), tag, IncidentSample.none());
        };
    }

    private Target httpTarget(StreamPlan plan, Endpoint endpoint, String tag, IncidentSample sample) {
        // heartbeats come from every registered device: demo-0001 .. demo-<1,000,000 × scale> (SAHAYA_DEMO_DEVICES on the node)
        int devices = (int) Math.round(CityScenario.CITY_DEVICES * options.scale());
        PartnerTargets partners = new PartnerTargets(client, endpoint, city, devices, options.requestTimeout());
        return switch (plan.kind()) {
            case HEARTBEAT -> partners.heartbeats();
            case POSITION -> partners.positions();
            case BEDS -> partners.beds();
            case ALERT_HTTP, ALERT_MQTT, ALERT_DC09 -> new AlertTarget(client, endpoint, runId + "-" + tag + "-" + plan.name(),
                    mix(plan), sample, options.requestTimeout());
        };
    }

    /** Each alert stream draws its own devices and types, the same for every target. */
    private TrafficMix mix(StreamPlan plan) {
        return new TrafficMix(options.devices(), options.seed() + plan.name().hashCode());
    }

    private void settle() {
        try {
            Thread.sleep(options.settle().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
