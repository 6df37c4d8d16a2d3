package org.sahaya.loadtest.city;

import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.sahaya.loadtest.run.Await;
import org.sahaya.loadtest.run.Endpoint;
import org.sahaya.loadtest.run.StaffSession;
import org.sahaya.loadtest.baseline.BaselineServer;
import org.sahaya.loadtest.dc09.Dc09Panels;
import org.sahaya.loadtest.mqtt.MqttDevices;
import org.sahaya.loadtest.reference.ReferenceDispatcher;
import org.sahaya.loadtest.report.LatencyPlot;
import org.sahaya.loadtest.report.Machine;
import org.sahaya.loadtest.report.MarkdownSection;
import org.sahaya.loadtest.city.map.CityMap;

/**
 * {@code --scenario city}: reads the city from the node, opens the MQTT and DC-09 connections,
 * starts the baseline and the reference dispatcher when asked, measures each alert rate, prints the
 * report, and writes it (and the plot) when asked. Exit code as {@code Main}'s.
 */
public final class CityMain {

    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(60);

    private CityMain() {
    }

    public static int run(String[] args, String command) {
        CityOptions options;
        try {
            options = CityOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("loadtest: " + e.getMessage());
            System.err.println(CityOptions.usage());
            return 2;
        }
        Vertx vertx = Vertx.vertx();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            WebClient client = WebClient.create(vertx,
                    new WebClientOptions().setUserAgent("sahaya-loadtest").setTcpNoDelay(true),
                    new PoolOptions().setHttp1MaxSize(options.maxInFlight()));
            WebClient reader = Await.result(StaffSession.reader(client, options.node(), options.requestTimeout()),
                    SETUP_TIMEOUT, "logging in to " + options.node() + " as the demo supervisor");
            CityMap city = Await.result(CityMap.read(reader, options.node(), options.requestTimeout()), SETUP_TIMEOUT,
                    "reading the city's units and hospitals from " + options.node());
            if (city.units().isEmpty() || city.hospitals().isEmpty()) {
                throw new IllegalStateException("the node has no demo city (no AMB-001 or H-01); start it with ./sahaya demo");
            }
            MqttDevices mqtt = null;
            if (options.mqttPort() != null) {
                mqtt = Await.result(MqttDevices.connect(vertx, new Endpoint(options.node().host(), options.mqttPort()),
                        options.devices(), 64), SETUP_TIMEOUT, "connecting the devices over MQTT");
                started.add(mqtt);
            }
            Supplier<Dc09Panels> dc09 = options.dc09Port() == null ? null : () -> Await.result(Dc09Panels.connect(vertx,
                            new Endpoint(options.node().host(), options.dc09Port()), Dc09Panels.DEMO_HUBS,
                            // message numbers start where an earlier run's are unlikely to be, so none looks like a resend
                            (int) (System.currentTimeMillis() / 1000 % 9000) + 1),
                    SETUP_TIMEOUT, "connecting the hubs over DC-09");
            Endpoint baseline = null;
            if (options.baseline()) {
                BaselineServer server = Await.result(BaselineServer.start(), SETUP_TIMEOUT, "starting the baseline");
                started.add(server);
                baseline = server.endpoint();
            }
            Endpoint reference = null;
            if (options.referenceDb() != null) {
                ReferenceDispatcher dispatcher = ReferenceDispatcher.start(options.referenceDb(), "postgres", city,
                        options.jobTime());
                started.add(dispatcher);
                reference = dispatcher.endpoint();
            }
            if (options.fleetWebhooks()) {
                // Issue 17: the fleets' systems in this process, so the node's job_handed stage is measured.
                FleetWebhookSink sink = Await.result(FleetWebhookSink.start(), SETUP_TIMEOUT, "starting the fleets' webhook sink");
                started.add(sink);
                WebClient admin = Await.result(StaffSession.admin(client, options.node(), options.requestTimeout()),
                        SETUP_TIMEOUT, "logging in to " + options.node() + " as the demo admin");
                List<String> fleets = Await.result(FleetWebhooks.point(admin, options.node(), sink, options.requestTimeout()),
                        SETUP_TIMEOUT, "pointing the fleets' webhooks at " + sink.endpoint());
                System.out.println("loadtest: fleets " + fleets + " deliver their jobs to the sink at " + sink.endpoint());
            }
            CityBenchmark benchmark = new CityBenchmark(vertx, options, client, reader, city, mqtt, dc09, reference, baseline);
            Instant startedAt = Instant.now();
            String loadBefore = Machine.loadAverage();
            String warmedBy = null;
            if (!options.prewarm().isZero()) {
                // at the first rate: a higher one would leave its queue of waiting incidents to the first rung
                int first = options.alertRates().getFirst();
                benchmark.prewarm(first);
                warmedBy = options.prewarm().toSeconds() + " s of the streams at " + first + " alerts/s, not measured";
            }
            List<CityPoint> points = new ArrayList<>();
            for (int rate : options.alertRates()) {
                points.add(benchmark.measure(rate));
            }
            CityReport report = new CityReport(command, startedAt, Machine.detect(), loadBefore, Machine.loadAverage(),
                    points, options.plot(), warmedBy);
            System.out.print(report.asText());
            if (options.plot() != null) {
                LatencyPlot.write(options.plot(), "Latency by percentile, city scenario at " + points.getFirst().alertRate()
                        + " alerts/s (" + startedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")",
                        series(points.getFirst()));
                System.out.println("Wrote " + options.plot());
            }
            if (options.report() != null) {
                MarkdownSection.upsert(options.report(), options.section(), report.asMarkdown());
                System.out.println("Wrote section '" + options.section() + "' of " + options.report());
            }
            return points.stream().allMatch(p -> p.invariants().holds()) ? 0 : 1;
        } catch (IllegalStateException | IOException | SQLException e) {
            System.err.println("loadtest: " + e.getMessage());
            return 1;
        } finally {
            for (AutoCloseable c : started.reversed()) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("loadtest: closing: " + e.getMessage());
                }
            }
            vertx.close();
        }
    }

    /** The alert streams of the node, the reference and the baseline, then the node's routine streams. */
    static Map<String, Histogram> series(CityPoint p) {
        Map<String, Histogram> series = new LinkedHashMap<>();
        p.node().stream().filter(s -> s.plan().kind().isAlert())
                .forEach(s -> series.put("sahaya " + s.plan().name(), s.result().latencyMicros()));
        p.reference().stream().filter(s -> s.plan().kind().isAlert())
                .forEach(s -> series.put("reference " + s.plan().name(), s.result().latencyMicros()));
        p.baseline().stream().filter(s -> s.plan().kind().isAlert())
                .forEach(s -> series.put("baseline " + s.plan().name(), s.result().latencyMicros()));
        p.node().stream().filter(s -> !s.plan().kind().isAlert())
                .forEach(s -> series.put("sahaya " + s.plan().name(), s.result().latencyMicros()));
        return series;
    }
}
