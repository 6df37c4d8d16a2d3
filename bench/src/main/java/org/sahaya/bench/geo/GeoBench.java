package org.sahaya.bench.geo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;
import redis.clients.jedis.Jedis;

/**
 * {@code ./sahaya bench-geo}: checks which peers are reachable, runs {@link NearestAvailableBenchmark}
 * for every reachable backend in one JMH run (so the ratios compare like with like), and prints
 * the percentile table for docs/benchmarks/geo-nearest-unit.md. Extra arguments are JMH's own ({@code -p units=10000},
 * {@code -wi 1}, ...) and override the defaults here.
 */
public final class GeoBench {

    private GeoBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> backends = new ArrayList<>(List.of("floor", "ours", "oursPredicate"));
        redisProblem().ifPresentOrElse(
                problem -> System.out.println("bench-geo: skipping redis: " + problem),
                () -> backends.add("redis"));
        postgisProblem().ifPresentOrElse(
                problem -> System.out.println("bench-geo: skipping postgis: " + problem),
                () -> backends.add("postgis"));
        CommandLineOptions cli = new CommandLineOptions(args);
        // Settings on the builder win over its parent, so the defaults are set only where the
        // command line said nothing.
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli)
                .include(NearestAvailableBenchmark.class.getName() + "\\.(" + String.join("|", backends) + ")$")
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED", "-XX:+UseZGC", "-Xms1g", "-Xmx1g");
        if (!cli.getForkCount().hasValue()) {
            options.forks(1);
        }
        if (!cli.getWarmupIterations().hasValue()) {
            options.warmupIterations(3);
        }
        if (!cli.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(4));
        }
        if (!cli.getMeasurementIterations().hasValue()) {
            options.measurementIterations(5);
        }
        if (!cli.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(4));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println(table(results));
    }

    private static Optional<String> redisProblem() {
        try (Jedis jedis = new Jedis(RedisState.HOST, RedisState.PORT)) {
            jedis.ping();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("Redis at " + RedisState.HOST + ":" + RedisState.PORT + " is not reachable (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> postgisProblem() {
        try (Connection c = DriverManager.getConnection(PostgisState.ADMIN_URL, PostgisState.USER, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")) {
            return rs.next() ? Optional.empty()
                    : Optional.of("PostgreSQL is up but PostGIS is not installed (bench/setup-postgis installs it)");
        } catch (Exception e) {
            return Optional.of("PostgreSQL at " + PostgisState.ADMIN_URL + " is not reachable (" + e.getMessage() + ")");
        }
    }

    /** Markdown: p50/p99/p99.9 per backend and size, and each backend's p99 over ours. */
    static String table(Collection<RunResult> results) {
        Map<String, Map<String, Statistics>> bySize = new TreeMap<>();
        Statistics floor = null;
        for (RunResult r : results) {
            String backend = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            if (backend.equals("floor")) {
                floor = r.getPrimaryResult().getStatistics();
                continue;
            }
            bySize.computeIfAbsent(r.getParams().getParam("units"), u -> new TreeMap<>())
                    .put(backend, r.getPrimaryResult().getStatistics());
        }
        StringBuilder out = new StringBuilder("\n| units | backend | samples | p50 µs | p99 µs | p99.9 µs | p50 ÷ ours | p99 ÷ ours |\n"
                + "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (var size : bySize.entrySet()) {
            Statistics ours = size.getValue().get("ours");
            for (String backend : List.of("ours", "oursPredicate", "redis", "postgis")) {
                Statistics s = size.getValue().get(backend);
                if (s == null) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %s | %s |%n", size.getKey(), backend,
                        s.getN(), s.getPercentile(50), s.getPercentile(99), s.getPercentile(99.9),
                        ratio(s, ours, 50), ratio(s, ours, 99)));
            }
        }
        if (floor != null) {
            out.append(String.format(Locale.ROOT, "| – | control: 8 geodesics, no search | %d | %.1f | %.1f | %.1f | | |%n",
                    floor.getN(), floor.getPercentile(50), floor.getPercentile(99), floor.getPercentile(99.9)));
        }
        return out.toString();
    }

    private static String ratio(Statistics backend, Statistics ours, double percentile) {
        return ours == null ? "–" : String.format(Locale.ROOT, "%.1f×", backend.getPercentile(percentile) / ours.getPercentile(percentile));
    }
}
