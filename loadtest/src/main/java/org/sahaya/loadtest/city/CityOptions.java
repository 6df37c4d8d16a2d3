package org.sahaya.loadtest.city;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.sahaya.loadtest.Endpoint;
import org.sahaya.loadtest.LoopbackGuard;
import org.sahaya.loadtest.OptionValues;
import org.sahaya.loadtest.Schedule;

import static org.sahaya.loadtest.OptionValues.number;
import static org.sahaya.loadtest.OptionValues.parse;
import static org.sahaya.loadtest.OptionValues.value;

/**
 * The command line of the city scenario ({@code --scenario city}). Bounded like the single-stream
 * mode: loopback only, at most {@link #MAX_RATES} alert rates, every stream within {@link Schedule}'s limits.
 */
public record CityOptions(Endpoint node, double scale, List<Integer> alertRates, int surgeFactor, Duration surgeAfter,
                          Duration surgeSeconds, Duration warmup, Duration duration, Integer mqttPort, Integer dc09Port,
                          boolean baseline, String referenceDb, Path report, String section, Path plot, int sampleSize,
                          int maxInFlight, Duration requestTimeout, Duration settle, int devices, long seed,
                          Duration jobTime, Duration prewarm) {

    public static final int MAX_RATES = 8;

    public static final String USAGE = """
            usage: Main --scenario city --url http://127.0.0.1:PORT [--scale 0.01] [--alert-rate 5[,10,...]]
                        [--surge-factor 50] [--surge-seconds 60] [--surge-after 20] [--duration 120] [--warmup 15]
                        [--mqtt PORT] [--dc09 PORT] [--baseline] [--reference [jdbc:postgresql://127.0.0.1:5432/test]]
                        [--report docs/benchmarks.md --section city-scenario] [--plot docs/latency-city.png]
                        [--sample 2000] [--max-in-flight 512] [--timeout-ms 5000] [--settle 5] [--devices 550] [--seed 1]
                        [--job-seconds 30] [--prewarm 0]
              --scale         share of 1,000,000 devices whose heartbeats (one per device per 5 min) are sent
              --alert-rate    background alerts per second over all protocols; a comma list is a ladder, one run each
              --surge-factor  alert rate during the heat wave as a multiple of --alert-rate (1 = no surge)
              --mqtt, --dc09  the node's MQTT and DC-09 ports on the --url host (30% and 10% of the alerts)
              --baseline      also run the HTTP streams against a bare Vert.x endpoint in this process
              --reference     also run them against the PostGIS reference dispatcher (database on this PostgreSQL)
              --job-seconds   a crew's job: EN_ROUTE at once, ON_SCENE at half, AVAILABLE at the end (0 = never released)
              --prewarm       before the first rate, run the node's streams at that rate for this many seconds,
                              unmeasured, so that the first rates are not measured on a node still JIT-compiling
              --plot          write a PNG of latency by percentile (first rate: node, reference, baseline)""";

    /**
     * 44 ambulances on 30 s jobs serve 44 / 30 ≈ 1.5 emergencies/s: at the default 5 alerts/s (10% FALL or SOS,
     * 0.5/s) they are a third busy, and a 50× heat wave (25 emergencies/s) overwhelms them (loadtest/README.md).
     */
    static final int DEFAULT_JOB_SECONDS = 30;

    static final String DEFAULT_REFERENCE_DB = "jdbc:postgresql://127.0.0.1:5432/test";

    public static boolean wanted(String[] args) {
        return List.of(args).contains("--scenario");
    }

    public static CityOptions parse(String[] args) {
        Endpoint node = null;
        double scale = 0.01;
        List<Integer> rates = List.of(5);
        int surgeFactor = 50;
        int surgeAfter = 20;
        int surgeSeconds = 60;
        int duration = 120;
        int warmup = 15;
        Integer mqtt = null;
        Integer dc09 = null;
        boolean baseline = false;
        String reference = null;
        Path report = null;
        String section = "city-scenario";
        Path plot = null;
        int sample = 2000;
        int maxInFlight = 512;
        int timeoutMs = 5_000;
        int settle = 5;
        int devices = 550;
        long seed = 1;
        int jobSeconds = DEFAULT_JOB_SECONDS;
        int prewarm = 0;
        int max = (int) Schedule.MAX_DURATION.toSeconds();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--scenario" -> {
                    if (!value(args, ++i, option).equals("city")) {
                        throw new IllegalArgumentException("--scenario must be 'city'");
                    }
                }
                case "--url" -> node = LoopbackGuard.requireLoopback(value(args, ++i, option));
                case "--scale" -> scale = fraction(value(args, ++i, option));
                case "--alert-rate" -> rates = OptionValues.rates(value(args, ++i, option), option, MAX_RATES);
                case "--surge-factor" -> surgeFactor = number(args, ++i, option, 1, 100);
                case "--surge-after" -> surgeAfter = number(args, ++i, option, 0, max);
                case "--surge-seconds" -> surgeSeconds = number(args, ++i, option, 1, max);
                case "--duration" -> duration = number(args, ++i, option, 1, max);
                case "--warmup" -> warmup = number(args, ++i, option, 0, max);
                case "--mqtt" -> mqtt = number(args, ++i, option, 1, 65_535);
                case "--dc09" -> dc09 = number(args, ++i, option, 1, 65_535);
                case "--baseline" -> baseline = true;
                case "--reference" -> reference = i + 1 < args.length && args[i + 1].startsWith("jdbc:postgresql://")
                        ? referenceDb(args[++i]) : DEFAULT_REFERENCE_DB;
                case "--report" -> report = Path.of(value(args, ++i, option));
                case "--section" -> section = OptionValues.section(value(args, ++i, option));
                case "--plot" -> plot = Path.of(value(args, ++i, option));
                case "--sample" -> sample = number(args, ++i, option, 0, 20_000);
                case "--max-in-flight" -> maxInFlight = number(args, ++i, option, 1, 4_096);
                case "--timeout-ms" -> timeoutMs = number(args, ++i, option, 1, 60_000);
                case "--settle" -> settle = number(args, ++i, option, 0, 60);
                case "--devices" -> devices = number(args, ++i, option, 1, 9_999);
                case "--job-seconds" -> jobSeconds = number(args, ++i, option, 0, 3_600);
                case "--prewarm" -> prewarm = number(args, ++i, option, 0, max);
                case "--seed" -> seed = number(args, ++i, option, 0, Integer.MAX_VALUE);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (node == null) {
            throw new IllegalArgumentException("--url is required");
        }
        for (int rate : rates) {
            if ((long) rate * surgeFactor > Schedule.MAX_RATE) {
                throw new IllegalArgumentException("--alert-rate " + rate + " × --surge-factor " + surgeFactor
                        + " is over " + Schedule.MAX_RATE + " alerts/s");
            }
        }
        if (plot != null && !plot.toString().endsWith(".png")) {
            throw new IllegalArgumentException("--plot must name a .png file");
        }
        return new CityOptions(node, scale, rates, surgeFactor, Duration.ofSeconds(surgeAfter),
                Duration.ofSeconds(surgeSeconds), Duration.ofSeconds(warmup), Duration.ofSeconds(duration), mqtt, dc09,
                baseline, reference, report, section, plot, sample, maxInFlight, Duration.ofMillis(timeoutMs),
                Duration.ofSeconds(settle), devices, seed, Duration.ofSeconds(jobSeconds), Duration.ofSeconds(prewarm));
    }

    /** The scenario at one alert rate, for a city of {@code units} and {@code hospitals}. */
    public CityScenario scenario(int alertRate, int units, int hospitals, boolean withMqtt, boolean withDc09) {
        return new CityScenario(scale, alertRate, surgeFactor, surgeAfter, surgeSeconds, warmup, duration, units,
                hospitals, withMqtt, withDc09);
    }

    /** The node's warm-up before the first rate: the scenario at {@code alertRate} without a surge, all of it unmeasured. */
    public CityScenario prewarmScenario(int alertRate, int units, int hospitals, boolean withMqtt, boolean withDc09) {
        return new CityScenario(scale, alertRate, 1, surgeAfter, surgeSeconds, Duration.ZERO, prewarm, units, hospitals,
                withMqtt, withDc09);
    }

    private static String referenceDb(String url) {
        String rest = url.substring("jdbc:postgresql://".length());
        String host = rest.split("[:/]", 2)[0];
        LoopbackGuard.requireLoopback("http://" + host + ":5432");
        return url;
    }

    private static double fraction(String text) {
        try {
            double v = Double.parseDouble(text);
            if (!(v > 0 && v <= 1)) {
                throw new IllegalArgumentException("--scale must be in (0, 1], was " + text);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--scale must be a number, was " + text);
        }
    }
}
