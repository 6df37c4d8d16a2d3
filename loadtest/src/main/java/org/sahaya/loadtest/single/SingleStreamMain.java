package org.sahaya.loadtest.single;

import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sahaya.loadtest.alerts.TrafficMix;
import org.sahaya.loadtest.baseline.BaselineServer;
import org.sahaya.loadtest.report.Machine;
import org.sahaya.loadtest.report.MarkdownSection;
import org.sahaya.loadtest.report.Report;
import org.sahaya.loadtest.run.Await;
import org.sahaya.loadtest.report.RatePoint;

/**
 * The single-stream mode: measures a running node (and, with {@code --baseline}, a bare endpoint)
 * at one or more constant arrival rates, prints the report, and optionally writes it as a section
 * of a markdown file. See {@link RunOptions#usage()}.
 * <p>
 * Exit code: 0 done, 1 the node failed us (unreachable, or an incident invariant broke), 2 usage.
 */
public final class SingleStreamMain {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private SingleStreamMain() {
    }

    public static int run(String[] args, String command) {
        RunOptions options;
        try {
            options = RunOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("loadtest: " + e.getMessage());
            System.err.println(RunOptions.usage());
            return 2;
        }
        Vertx vertx = Vertx.vertx();
        AutoCloseable baseline = null;
        MqttLink mqtt = null;
        try {
            WebClient client = WebClient.create(vertx,
                    new WebClientOptions().setUserAgent("sahaya-loadtest").setTcpNoDelay(true),
                    new PoolOptions().setHttp1MaxSize(options.maxInFlight()));
            Benchmark benchmark;
            if (options.mqttPort() != null) {
                mqtt = MqttLink.open(vertx, options);
                baseline = mqtt;
                benchmark = new Benchmark(options, client, mqtt.baselineEndpoint(), mqtt::target);
            } else {
                BaselineServer http = options.baseline()
                        ? Await.result(BaselineServer.start(), START_TIMEOUT, "starting the baseline endpoint") : null;
                baseline = http;
                benchmark = new Benchmark(options, client, http == null ? null : http.endpoint());
            }
            benchmark.checkNodeAnswers();
            Instant started = Instant.now();
            String loadBefore = Machine.loadAverage();
            List<RatePoint> points = new ArrayList<>();
            for (int rate : options.rates()) {
                points.add(benchmark.measure(rate));
            }
            Report report = new Report(command, started, Machine.detect(), loadBefore, Machine.loadAverage(),
                    shape(options), points);
            System.out.print(report.asText());
            if (options.report() != null) {
                MarkdownSection.upsert(options.report(), options.section(), report.asMarkdown());
                System.out.println("Wrote section '" + options.section() + "' of " + options.report());
            }
            return points.stream().allMatch(p -> p.incidents().holds()) ? 0 : 1;
        } catch (IllegalStateException | IOException e) {
            System.err.println("loadtest: " + e.getMessage());
            return 1;
        } finally {
            if (baseline != null) {
                try {
                    baseline.close();
                } catch (Exception e) {
                    System.err.println("loadtest: closing the baseline: " + e.getMessage());
                }
            }
            vertx.close();
        }
    }

    private static String shape(RunOptions o) {
        return o.duration().toSeconds() + " s measured per rate after " + o.warmup().toSeconds()
                + " s warm-up (excluded); " + (o.baseline() ? "baseline first, then the node, at each rate; " : "")
                + (o.mqttPort() != null ? "MQTT 3.1.1 QoS 1 publishes on devices/{id}/alerts, one connection per device, "
                        + "latency = intended send → PUBACK (the 'ok' column counts PUBACKs; the baseline is a bare Vert.x MQTT "
                        + "server that PUBACKs at once); " : "")
                + "at most " + o.maxInFlight() + " requests in flight; traffic: "
                + new TrafficMix(o.devices(), o.seed()).describe();
    }
}
