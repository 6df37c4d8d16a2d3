package org.sahaya.server.management;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node's {@code GET /metrics} (Prometheus text format), read into its samples: the series names exactly
 * as PromQL reads them ({@code sahaya_stage_seconds_bucket}, {@code sahaya_sla_dispatch_total}), with labels
 * and values, and the metric families the {@code # TYPE} lines declare.
 */
public final class MetricsScrape {

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** What a family's samples may add to its name. */
    private static final List<String> SUFFIXES = List.of("_bucket", "_count", "_sum", "_total", "_created", "_info");

    private final List<Sample> samples = new ArrayList<>();
    private final Set<String> families = new TreeSet<>();

    public MetricsScrape(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                families.add(line.split(" ")[2]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line));
            }
        }
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        String name;
        Map<String, String> labels = new LinkedHashMap<>();
        String rest;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            int end = line.lastIndexOf('}');
            Matcher m = LABEL.matcher(line.substring(brace + 1, end));
            while (m.find()) {
                labels.put(m.group(1), m.group(2));
            }
            rest = line.substring(end + 1).trim();
        } else {
            name = line.substring(0, space);
            rest = line.substring(space + 1).trim();
        }
        return new Sample(name, labels, Double.parseDouble(rest.split(" ")[0]));
    }

    /** The series names of every sample. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /**
     * Whether PromQL can read {@code name} here: some sample is named so. A family name alone is not enough: a
     * histogram {@code x_seconds} is read as {@code x_seconds_bucket}, {@code _count} and {@code _sum}, and a
     * counter {@code x} (as OpenMetrics declares it) as {@code x_total}.
     */
    public boolean has(String name) {
        return names().contains(name);
    }

    /** For a name PromQL cannot read: what the node has instead, if it is a family's name with or without a suffix. */
    public String hint(String name) {
        String base = SUFFIXES.stream().filter(name::endsWith).findFirst()
                .map(suffix -> name.substring(0, name.length() - suffix.length())).orElse(name);
        List<String> near = names().stream().filter(n -> n.startsWith(base)).toList();
        return families.contains(base) || !near.isEmpty() ? "the node has " + near : "no family " + base;
    }

    /** Whether some sample of {@code name} carries every one of {@code labels}. */
    public boolean has(String name, Map<String, String> labels) {
        return samples.stream().anyMatch(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()));
    }

    /** The sum of the samples of {@code name} that carry every one of {@code labels}. */
    public double sum(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).sum();
    }
}
