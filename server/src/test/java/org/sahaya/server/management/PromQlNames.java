package org.sahaya.server.management;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The series a PromQL expression reads, found by a small tokenizer rather than a full parser: a metric name
 * is an identifier outside strings, label braces, range brackets and label lists ({@code by (...)},
 * {@code without (...)}, {@code on (...)}, {@code ignoring (...)}, {@code group_left (...)}), that is neither a
 * keyword nor followed by {@code (} (a function, which must then be one PromQL knows). Grafana's variables
 * ({@code $__rate_interval}, {@code ${DS_PROMETHEUS}}) are skipped. Equality matchers ({@code stage="ack"}) are
 * kept, to check that the value is one the node exposes.
 */
final class PromQlNames {

    /** One selector: a metric name and its equality matchers. */
    record Selector(String metric, Map<String, String> equals) {
    }

    static final Set<String> FUNCTIONS = Set.of("abs", "absent", "absent_over_time", "avg", "avg_over_time", "bottomk",
            "ceil", "changes", "clamp", "clamp_max", "clamp_min", "count", "count_over_time", "count_values", "day_of_month",
            "day_of_week", "day_of_year", "days_in_month", "delta", "deriv", "exp", "floor", "group", "histogram_quantile",
            "holt_winters", "hour", "idelta", "increase", "irate", "label_join", "label_replace", "last_over_time", "ln",
            "log10", "log2", "max", "max_over_time", "min", "min_over_time", "minute", "month", "predict_linear",
            "present_over_time", "quantile", "quantile_over_time", "rate", "resets", "round", "scalar", "sgn", "sort",
            "sort_desc", "sqrt", "stddev", "stddev_over_time", "stdvar", "stdvar_over_time", "sum", "sum_over_time", "time",
            "timestamp", "topk", "vector", "year");
    static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");

    private PromQlNames() {
    }

    /** @throws IllegalArgumentException for an unknown function or unbalanced brackets */
    static List<Selector> selectors(String expr) {
        List<Selector> found = new ArrayList<>();
        int i = 0;
        int n = expr.length();
        int depth = 0;
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
            } else if (c == '[') {
                i = close(expr, i, '[', ']');
            } else if (c == '{') {
                // A selector without a name ({__name__=...}) is not used here.
                throw new IllegalArgumentException("a label selector without a metric name at " + i + ": " + expr);
            } else if (c == '$') {
                i++;
                if (i < n && expr.charAt(i) == '{') {
                    i = close(expr, i, '{', '}');
                } else {
                    while (i < n && isIdentifierPart(expr.charAt(i))) {
                        i++;
                    }
                }
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1)))) {
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.')) {
                    i++; // numbers, with exponents and duration units (5m, 1e3)
                }
            } else if (isIdentifierStart(c)) {
                int start = i;
                while (i < n && isIdentifierPart(expr.charAt(i))) {
                    i++;
                }
                String word = expr.substring(start, i);
                int next = skipSpace(expr, i);
                char after = next < n ? expr.charAt(next) : 0;
                if (!LABEL_LISTS.contains(word) && startsLabelList(expr, next)) {
                    // an aggregation with its labels first: sum by (le) (...)
                    if (!FUNCTIONS.contains(word)) {
                        throw new IllegalArgumentException("not a PromQL aggregation: " + word + " in " + expr);
                    }
                } else if (LABEL_LISTS.contains(word)) {
                    if (after == '(') {
                        i = close(expr, next, '(', ')');
                    }
                } else if (KEYWORDS.contains(word.toLowerCase())) {
                    // an operator or modifier
                } else if (after == '(') {
                    if (!FUNCTIONS.contains(word)) {
                        throw new IllegalArgumentException("not a PromQL function: " + word + " in " + expr);
                    }
                } else if (after == '{') {
                    int end = close(expr, next, '{', '}');
                    found.add(new Selector(word, matchers(expr.substring(next + 1, end - 1))));
                    i = end;
                } else {
                    found.add(new Selector(word, Map.of()));
                }
            } else {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth < 0 || c == ']' || c == '}') {
                    throw new IllegalArgumentException("unbalanced " + c + " at " + i + ": " + expr);
                }
                i++;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced ( in " + expr);
        }
        return found;
    }

    /** The metric names of {@link #selectors}. */
    static Set<String> metrics(String expr) {
        Set<String> names = new java.util.TreeSet<>();
        selectors(expr).forEach(s -> names.add(s.metric()));
        return names;
    }

    private static Map<String, String> matchers(String inside) {
        Map<String, String> equals = new LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!=|!~|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(inside);
        while (m.find()) {
            if (m.group(2).equals("=") && !m.group(3).contains("$")) {
                equals.put(m.group(1), m.group(3));
            }
        }
        return equals;
    }

    private static int skipString(String s, int at) {
        char quote = s.charAt(at);
        int i = at + 1;
        while (i < s.length() && s.charAt(i) != quote) {
            i += s.charAt(i) == '\\' && quote != '`' ? 2 : 1;
        }
        if (i >= s.length()) {
            throw new IllegalArgumentException("unterminated string at " + at + ": " + s);
        }
        return i + 1;
    }

    /** @return the index after the bracket that closes the one at {@code at} */
    private static int close(String s, int at, char open, char shut) {
        int depth = 0;
        int i = at;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(s, i);
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == shut && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("unbalanced " + open + " at " + at + ": " + s);
    }

    private static boolean startsLabelList(String s, int at) {
        int i = at;
        while (i < s.length() && isIdentifierPart(s.charAt(i))) {
            i++;
        }
        String word = s.substring(at, i);
        return (word.equals("by") || word.equals("without")) && skipSpace(s, i) < s.length()
                && s.charAt(skipSpace(s, i)) == '(';
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }
}
