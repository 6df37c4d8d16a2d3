package org.sahaya.loadtest.single;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.sahaya.loadtest.alerts.TrafficMix;
import org.sahaya.loadtest.run.Endpoint;
import org.sahaya.loadtest.run.LoopbackGuard;
import org.sahaya.loadtest.run.OptionRules;
import org.sahaya.loadtest.run.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line of the load tool. Every run it describes is bounded: at most
 * {@link #MAX_RATES} rates, each for at most {@link Schedule#MAX_DURATION} at at most
 * {@link Schedule#MAX_RATE} per second, and only ever against loopback.
 */
public record RunOptions(Endpoint node, List<Integer> rates, Duration duration, Duration warmup, boolean baseline,
                         int maxInFlight, Duration requestTimeout, Path report, String section, int sampleSize,
                         Duration settle, int devices, long seed, Integer mqttPort, Endpoint management) {

    public static final int MAX_RATES = 10;

    /** The generated usage text, every option with its default. */
    public static String usage() {
        return OptionRules.usage(new Args());
    }

    public static RunOptions parse(String[] args) {
        return OptionRules.parse(new Args(), args).options();
    }

    /** What picocli reads; {@link #options()} checks the bounds. */
    @Command(name = "./sahaya loadtest", synopsisHeading = "usage: ", sortOptions = false, sortSynopsis = false)
    static final class Args {
        private static final int MAX_SECONDS = (int) Schedule.MAX_DURATION.toSeconds();

        @Option(names = "--url", paramLabel = "http://127.0.0.1:PORT", description = "the node (loopback only; required)")
        String url;
        @Option(names = "--rate", split = ",", paramLabel = "200[,400,...]", hideParamSyntax = true,
                description = "arrivals per second; a comma list runs each in turn (default: 200)")
        List<Integer> rates = List.of(200);
        @Option(names = "--duration", paramLabel = "30", description = "measured seconds per rate")
        int duration = 30;
        @Option(names = "--warmup", paramLabel = "5", description = "seconds before each rate, not measured")
        int warmup = 5;
        @Option(names = "--baseline", description = "also measure a bare Vert.x endpoint started in this process, at each rate")
        boolean baseline;
        @Option(names = "--report", paramLabel = "docs/benchmarks/ingest.md",
                description = "replace (or append) the markdown section --section in this file")
        Path report;
        @Option(names = "--section", paramLabel = "latest", description = "the section of --report")
        String section = "latest";
        @Option(names = "--max-in-flight", paramLabel = "256",
                description = "requests outstanding at most; one more counts as error 'overload'")
        int maxInFlight = 256;
        @Option(names = "--timeout-ms", paramLabel = "5000", description = "a request's timeout")
        int timeoutMs = 5_000;
        @Option(names = "--sample", paramLabel = "200", description = "accepted alerts whose incident is checked afterwards")
        int sample = 200;
        @Option(names = "--settle", paramLabel = "2",
                description = "seconds to let the node finish a run's work before reading its stage timers")
        int settle = 2;
        @Option(names = "--devices", paramLabel = "550", description = "demo devices the traffic comes from")
        int devices = TrafficMix.DEMO_DEVICES;
        @Option(names = "--seed", paramLabel = "1", description = "seed of the traffic mix")
        int seed = 1;
        @Option(names = "--mqtt", paramLabel = "PORT", description = {"send the alerts as MQTT QoS 1 publishes to this port of the"
                + " --url host (one connection per device); the baseline is then a bare MQTT QoS 1 echo"})
        Integer mqttPort;
        @Option(names = "--management", paramLabel = "http://127.0.0.1:8081",
                description = "the node's management port, where its /metrics answers (default: port 8081 of the --url host)")
        String management;

        RunOptions options() {
            if (url == null) {
                throw new IllegalArgumentException("--url is required");
            }
            Endpoint node = LoopbackGuard.requireLoopback(url);
            return new RunOptions(node, OptionRules.rates("--rate", rates, MAX_RATES),
                    Duration.ofSeconds(OptionRules.within("--duration", duration, 1, MAX_SECONDS)),
                    Duration.ofSeconds(OptionRules.within("--warmup", warmup, 0, MAX_SECONDS)), baseline,
                    OptionRules.within("--max-in-flight", maxInFlight, 1, 4_096),
                    Duration.ofMillis(OptionRules.within("--timeout-ms", timeoutMs, 1, 60_000)), report,
                    OptionRules.section(section), OptionRules.within("--sample", sample, 0, 10_000),
                    Duration.ofSeconds(OptionRules.within("--settle", settle, 0, 60)),
                    OptionRules.within("--devices", devices, 1, 9_999), OptionRules.within("--seed", seed, 0, Integer.MAX_VALUE),
                    mqttPort == null ? null : OptionRules.within("--mqtt", mqttPort, 1, 65_535),
                    OptionRules.management(management, node));
        }
    }
}
