package org.sahaya.loadtest.run;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The one way every load-test command line is read: picocli fills a command's annotated fields,
 * and each refusal (picocli's or a bound below) becomes an {@link IllegalArgumentException} whose
 * message names the option and what it must be, as the tool has always said it.
 */
public final class OptionRules {

    private OptionRules() {
    }

    /** {@code args} read into {@code command}, a {@link CommandLine.Command @Command} with {@code @Option} fields. */
    public static <T> T parse(T command, String[] args) {
        try {
            commandLine(command).parseArgs(args);
            return command;
        } catch (ParameterException e) {
            throw new IllegalArgumentException(explain(e), e);
        }
    }

    /** The generated usage text of {@code command}: every option with its default and meaning. */
    public static String usage(Object command) {
        return commandLine(command).getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
    }

    /** {@code value} of {@code option} if within min..max. */
    public static int within(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    /** At most {@code maxRates} rates for {@code option}, each 1..{@link Schedule#MAX_RATE}. */
    public static List<Integer> rates(String option, List<Integer> rates, int maxRates) {
        rates.forEach(rate -> within(option, rate, 1, Schedule.MAX_RATE));
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

    private static CommandLine commandLine(Object command) {
        // as before picocli: the last of a repeated option wins, and an argument starting with @ is not a file to expand
        return new CommandLine(command).setOverwrittenOptionsAllowed(true).setExpandAtFiles(false).setUsageHelpWidth(110);
    }

    private static String explain(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return "unknown option " + unmatched.getUnmatched().getFirst();
        }
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().getFirst() instanceof OptionSpec option) {
            return option.longestName() + " needs a value";
        }
        ArgSpec arg = e.getArgSpec();
        if (arg instanceof OptionSpec option && e.getValue() != null && e.getCause() != null) {
            Class<?> type = arg.auxiliaryTypes()[0];
            boolean whole = type == int.class || type == Integer.class || type == long.class || type == Long.class;
            return option.longestName() + (whole ? " must be a whole number, was " : " must be a number, was ")
                    + e.getValue();
        }
        return e.getMessage();
    }

    /** The node's default management port ({@code SAHAYA_MANAGEMENT_PORT}). */
    public static final int MANAGEMENT_PORT = 8081;

    /**
     * Where the node's {@code /metrics} answers: {@code --management URL} when given (loopback only), else
     * the default management port on the {@code --url} host.
     */
    public static Endpoint management(String url, Endpoint node) {
        return url == null ? new Endpoint(node.host(), MANAGEMENT_PORT) : LoopbackGuard.requireLoopback(url);
    }
}
