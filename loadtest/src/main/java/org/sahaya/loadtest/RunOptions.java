package org.sahaya.loadtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.sahaya.loadtest.alerts.TrafficMix;

import static org.sahaya.loadtest.OptionValues.number;
import static org.sahaya.loadtest.OptionValues.parse;
import static org.sahaya.loadtest.OptionValues.value;

/**
 * The command line of the load tool. Every run it describes is bounded: at most
 * {@link #MAX_RATES} rates, each for at most {@link Schedule#MAX_DURATION} at at most
 * {@link Schedule#MAX_RATE} per second, and only ever against loopback.
 */
public record RunOptions(Endpoint node, List<Integer> rates, Duration duration, Duration warmup, boolean baseline,
                         int maxInFlight, Duration requestTimeout, Path report, String section, int sampleSize,
                         Duration settle, int devices, long seed, Integer mqttPort) {

    public static final int MAX_RATES = 10;

    public static final String USAGE = """
            usage: Main --url http://127.0.0.1:PORT [--rate 200[,400,...]] [--duration 30] [--warmup 5] [--baseline]
                        [--report docs/benchmarks.md [--section latest]] [--max-in-flight 256] [--timeout-ms 5000]
                        [--sample 200] [--settle 2] [--devices 550] [--seed 1] [--mqtt PORT]
              --url          the node (loopback only)
              --rate         arrivals per second; a comma list runs each in turn
              --duration     measured seconds per rate; --warmup seconds before each, not measured
              --baseline     also measure a bare Vert.x endpoint started in this process, at each rate
              --report       replace (or append) the markdown section --section in this file
              --max-in-flight  requests outstanding at most; one more counts as error 'overload'
              --sample       accepted alerts whose incident is checked afterwards
              --settle       seconds to let the node finish a run's work before reading its stage timers
              --mqtt         send the alerts as MQTT QoS 1 publishes to this port of the --url host (one
                             connection per device); the baseline is then a bare MQTT QoS 1 echo""";

    public static RunOptions parse(String[] args) {
        Endpoint node = null;
        List<Integer> rates = List.of(200);
        int duration = 30;
        int warmup = 5;
        boolean baseline = false;
        int maxInFlight = 256;
        int timeoutMs = 5_000;
        Path report = null;
        String section = "latest";
        int sample = 200;
        int settle = 2;
        int devices = TrafficMix.DEMO_DEVICES;
        long seed = 1;
        Integer mqttPort = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--baseline" -> baseline = true;
                case "--url" -> node = LoopbackGuard.requireLoopback(value(args, ++i, option));
                case "--rate" -> rates = OptionValues.rates(value(args, ++i, option), option, MAX_RATES);
                case "--duration" -> duration = number(args, ++i, option, 1, (int) Schedule.MAX_DURATION.toSeconds());
                case "--warmup" -> warmup = number(args, ++i, option, 0, (int) Schedule.MAX_DURATION.toSeconds());
                case "--max-in-flight" -> maxInFlight = number(args, ++i, option, 1, 4_096);
                case "--timeout-ms" -> timeoutMs = number(args, ++i, option, 1, 60_000);
                case "--report" -> report = Path.of(value(args, ++i, option));
                case "--section" -> section = OptionValues.section(value(args, ++i, option));
                case "--sample" -> sample = number(args, ++i, option, 0, 10_000);
                case "--settle" -> settle = number(args, ++i, option, 0, 60);
                case "--devices" -> devices = number(args, ++i, option, 1, 9_999);
                case "--seed" -> seed = number(args, ++i, option, 0, Integer.MAX_VALUE);
                case "--mqtt" -> mqttPort = number(args, ++i, option, 1, 65_535);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (node == null) {
            throw new IllegalArgumentException("--url is required");
        }
        return new RunOptions(node, rates, Duration.ofSeconds(duration), Duration.ofSeconds(warmup), baseline,
                maxInFlight, Duration.ofMillis(timeoutMs), report, section, sample, Duration.ofSeconds(settle),
                devices, seed, mqttPort);
    }
}
