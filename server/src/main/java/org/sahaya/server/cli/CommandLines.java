package org.sahaya.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * How the node's command-line tools read their options: picocli fills a command's annotated
 * fields; a refusal becomes an {@link IllegalArgumentException} in the words these tools have
 * always used ("--device needs a value", "unknown option --x", "--lat must be a number, was north").
 */
public final class CommandLines {

    private CommandLines() {
    }

    /** {@code args} read into {@code command}, a {@link CommandLine.Command @Command} with {@code @Option} fields. */
    public static <T> T parse(T command, String[] args) {
        try {
            of(command).parseArgs(args);
            return command;
        } catch (ParameterException e) {
            throw new IllegalArgumentException(reason(e), e);
        }
    }

    /** The usage text picocli writes for {@code command}. */
    public static String usage(Object command) {
        return of(command).getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
    }

    /** A command line that reads arguments as they are: the last of a repeated option wins, no {@code @file} expansion. */
    public static CommandLine of(Object command) {
        return new CommandLine(command).setOverwrittenOptionsAllowed(true).setExpandAtFiles(false);
    }

    private static String reason(ParameterException e) {
        return switch (e) {
            case CommandLine.UnmatchedArgumentException u when !u.getUnmatched().isEmpty() ->
                    "unknown option " + u.getUnmatched().getFirst();
            case CommandLine.MissingParameterException m when m.getMissing().getFirst() instanceof OptionSpec o ->
                    o.longestName() + " needs a value";
            case ParameterException p when p.getArgSpec() instanceof OptionSpec o && p.getValue() != null ->
                    o.longestName() + " must be a number, was " + p.getValue();
            default -> e.getMessage();
        };
    }
}
