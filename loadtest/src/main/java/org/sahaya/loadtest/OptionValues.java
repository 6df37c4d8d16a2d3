package org.sahaya.loadtest;

import java.util.ArrayList;
import java.util.List;

/**
 * Reading command-line option values the one way every load-test command does: each bad value is
 * refused with a message that names the option and what it must be.
 */
public final class OptionValues {

    private OptionValues() {
    }

    /** A comma-separated list of at most {@code maxRates} rates for {@code option}, each 1..{@link Schedule#MAX_RATE}. */
    public static List<Integer> rates(String list, String option, int maxRates) {
        List<Integer> rates = new ArrayList<>();
        for (String r : list.split(",")) {
            rates.add(parse(r.trim(), option, 1, Schedule.MAX_RATE));
        }
        if (rates.size() > maxRates) {
            throw new IllegalArgumentException("at most " + maxRates + " rates in one invocation (" + option + ")");
        }
        return List.copyOf(rates);
    }

    /** A report section name: it becomes part of a marker in the Markdown file. */
    public static String section(String name) {
        if (!name.matches("[A-Za-z0-9._-]{1,40}")) {
            throw new IllegalArgumentException("--section must be letters, digits, '.', '_' or '-'");
        }
        return name;
    }

    /** The value after {@code option} at {@code args[i]}. */
    public static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** The whole number after {@code option}, within min..max. */
    public static int number(String[] args, int i, String option, int min, int max) {
        return parse(value(args, i, option), option, min, max);
    }

    /** {@code text} as a whole number for {@code option}, within min..max. */
    public static int parse(String text, String option, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, was " + text);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(option + " must be " + min + ".." + max + ", was " + n);
        }
        return n;
    }
}
