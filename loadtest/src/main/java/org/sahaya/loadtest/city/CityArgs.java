package org.sahaya.loadtest.city;

import static org.sahaya.loadtest.run.OptionRules.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.sahaya.loadtest.run.LoopbackGuard;
import org.sahaya.loadtest.run.OptionRules;
import org.sahaya.loadtest.run.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The city scenario's command line as picocli reads it; {@link #options()} checks the bounds. */
@Command(name = "./sahaya loadtest", synopsisHeading = "usage: ", sortOptions = false, sortSynopsis = false)
final class CityArgs {

    private static final int MAX_SECONDS = (int) Schedule.MAX_DURATION.toSeconds();
    private static final String JDBC = "jdbc:postgresql://";

    @Option(names = "--scenario", paramLabel = "city", description = "the city scenario")
    String scenario;
    @Option(names = "--url", paramLabel = "http://127.0.0.1:PORT", description = "the node (loopback only; required)")
    String url;
    @Option(names = "--scale", paramLabel = "0.01",
            description = "share of 1,000,000 devices whose heartbeats (one per device per 5 min) are sent")
    double scale = 0.01;
    @Option(names = "--alert-rate", split = ",", paramLabel = "5[,10,...]", hideParamSyntax = true,
            description = "background alerts per second over all protocols; a comma list is a ladder, one run each")
    List<Integer> rates = List.of(5);
    @Option(names = "--surge-factor", paramLabel = "50",
            description = "alert rate during the heat wave as a multiple of --alert-rate (1 = no surge)")
    int surgeFactor = 50;
    @Option(names = "--surge-seconds", paramLabel = "60", description = "how long the heat wave lasts")
    int surgeSeconds = 60;
    @Option(names = "--surge-after", paramLabel = "20", description = "seconds into the measured period the heat wave starts")
    int surgeAfter = 20;
    @Option(names = "--duration", paramLabel = "120", description = "measured seconds per rate")
    int duration = 120;
    @Option(names = "--warmup", paramLabel = "15", description = "seconds before each rate, not measured")
    int warmup = 15;
    @Option(names = "--mqtt", paramLabel = "PORT", description = "the node's MQTT port on the --url host (30%% of the alerts)")
    Integer mqtt;
    @Option(names = "--dc09", paramLabel = "PORT", description = "the node's DC-09 port on the --url host (10%% of the alerts)")
    Integer dc09;
    @Option(names = "--management", paramLabel = "http://127.0.0.1:8081",
            description = "the node's management port, where its /metrics answers (default: port 8081 of the --url host)")
    String management;
    @Option(names = "--baseline", description = "also run the HTTP streams against a bare Vert.x endpoint in this process")
    boolean baseline;
    @Option(names = "--reference", arity = "0..1", paramLabel = CityOptions.DEFAULT_REFERENCE_DB,
            fallbackValue = CityOptions.DEFAULT_REFERENCE_DB,
            description = "also run them against the PostGIS reference dispatcher (database on this PostgreSQL)")
    String reference;
    @Option(names = "--report", paramLabel = "docs/benchmarks/city-scenario.md", description = "write the tables into --section of this file")
    Path report;
    @Option(names = "--section", paramLabel = "city-scenario", description = "the section of --report")
    String section = "city-scenario";
    @Option(names = "--plot", paramLabel = "docs/benchmarks/latency-city.png",
            description = "write a PNG of latency by percentile (first rate: node, reference, baseline)")
    Path plot;
    @Option(names = "--sample", paramLabel = "2000", description = "accepted alerts whose incident is checked afterwards")
    int sample = 2000;
    @Option(names = "--max-in-flight", paramLabel = "512", description = "requests outstanding at most, per stream")
    int maxInFlight = 512;
    @Option(names = "--timeout-ms", paramLabel = "5000", description = "a request's timeout")
    int timeoutMs = 5_000;
    @Option(names = "--settle", paramLabel = "5", description = "seconds to let the node finish before reading its timers")
    int settle = 5;
    @Option(names = "--devices", paramLabel = "550", description = "demo devices the alerts come from")
    int devices = 550;
    @Option(names = "--seed", paramLabel = "1", description = "seed of the traffic")
    int seed = 1;
    @Option(names = "--job-seconds", paramLabel = "30",
            description = "a crew's job: EN_ROUTE at once, ON_SCENE at half, AVAILABLE at the end (0 = never released)")
    int jobSeconds = CityOptions.DEFAULT_JOB_SECONDS;
    @Option(names = "--prewarm", paramLabel = "0", description = {"before the first rate, run the node's streams at that rate"
            + " for this many seconds, unmeasured, so that the first rates are not measured on a node still JIT-compiling"})
    int prewarm;
    @Option(names = "--fleet-webhooks", description = {"start a webhook sink in this process and point every fleet's"
            + " webhook at it (admin API, as the demo admin) before the run, so the node's job_handed stage"
            + " (dispatch decided -> job handed to the fleet's webhook) is measured and reported"})
    boolean fleetWebhooks;

    CityOptions options() {
        if (scenario != null && !scenario.equals("city")) {
            throw new IllegalArgumentException("--scenario must be 'city'");
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        var node = LoopbackGuard.requireLoopback(url);
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("--scale must be in (0, 1], was " + scale);
        }
        List<Integer> alertRates = OptionRules.rates("--alert-rate", rates, CityOptions.MAX_RATES);
        within("--surge-factor", surgeFactor, 1, 100);
        for (int rate : alertRates) {
            if ((long) rate * surgeFactor > Schedule.MAX_RATE) {
                throw new IllegalArgumentException("--alert-rate " + rate + " × --surge-factor " + surgeFactor
                        + " is over " + Schedule.MAX_RATE + " alerts/s");
            }
        }
        if (plot != null && !plot.toString().endsWith(".png")) {
            throw new IllegalArgumentException("--plot must name a .png file");
        }
        return new CityOptions(node, scale, alertRates, surgeFactor, seconds("--surge-after", surgeAfter, 0),
                seconds("--surge-seconds", surgeSeconds, 1), seconds("--warmup", warmup, 0),
                seconds("--duration", duration, 1), port("--mqtt", mqtt), port("--dc09", dc09), baseline,
                referenceDb(), report, OptionRules.section(section), plot, within("--sample", sample, 0, 20_000),
                within("--max-in-flight", maxInFlight, 1, 4_096),
                Duration.ofMillis(within("--timeout-ms", timeoutMs, 1, 60_000)),
                Duration.ofSeconds(within("--settle", settle, 0, 60)), within("--devices", devices, 1, 9_999),
                within("--seed", seed, 0, Integer.MAX_VALUE), Duration.ofSeconds(within("--job-seconds", jobSeconds, 0, 3_600)),
                seconds("--prewarm", prewarm, 0), OptionRules.management(management, node), fleetWebhooks);
    }

    private static Duration seconds(String option, int seconds, int min) {
        return Duration.ofSeconds(within(option, seconds, min, MAX_SECONDS));
    }

    private static Integer port(String option, Integer port) {
        return port == null ? null : within(option, port, 1, 65_535);
    }

    /** Only a loopback database: the reference run is a load test too. */
    private String referenceDb() {
        if (reference == null) {
            return null;
        }
        if (!reference.startsWith(JDBC)) {
            throw new IllegalArgumentException("unknown option " + reference);
        }
        String host = reference.substring(JDBC.length()).split("[:/]", 2)[0];
        LoopbackGuard.requireLoopback("http://" + host + ":5432");
        return reference;
    }
}
