package org.sahaya.loadtest.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the histograms of one metric out of the Prometheus text exposition format, grouped by
 * one label ({@code sahaya_stage_seconds_bucket{stage="ack",le="0.005"} 17} → stage "ack").
 * Series that differ only in other labels are added together.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * @param metric  the histogram's base name, e.g. {@code sahaya_stage_seconds}
     * @param byLabel the label to group by, e.g. {@code stage}
     */
    public static Map<String, BucketHistogram> histograms(String exposition, String metric, String byLabel) {
        String prefix = metric + "_bucket{";
        Map<String, Map<Double, Double>> counts = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            int close = line.lastIndexOf('}');
            Map<String, String> labels = labels(line.substring(prefix.length(), close));
            String group = labels.get(byLabel);
            String le = labels.get("le");
            if (group == null || le == null) {
                continue;
            }
            double value = Double.parseDouble(line.substring(close + 1).trim().split("\\s+")[0]);
            counts.computeIfAbsent(group, g -> new HashMap<>()).merge(bound(le), value, Double::sum);
        }
        Map<String, BucketHistogram> result = new TreeMap<>();
        counts.forEach((group, byBound) -> result.put(group, new BucketHistogram(byBound.entrySet().stream()
                .map(e -> new BucketHistogram.Bucket(e.getKey(), e.getValue())).toList())));
        return result;
    }

    /** Parses {@code a="x",b="y\"z",} into a map; values may hold escaped quotes and commas. */
    static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0 || eq + 1 >= text.length() || text.charAt(eq + 1) != '"') {
                break;
            }
            String name = text.substring(i, eq).trim();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            for (; j < text.length() && text.charAt(j) != '"'; j++) {
                char c = text.charAt(j);
                if (c == '\\' && j + 1 < text.length()) {
                    char next = text.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
            }
            labels.put(name, value.toString());
            i = j + 1;
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
        }
        return labels;
    }

    private static double bound(String le) {
        return "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }
}
