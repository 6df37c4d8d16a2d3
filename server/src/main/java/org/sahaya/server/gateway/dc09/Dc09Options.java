package org.sahaya.server.gateway.dc09;

import java.time.Instant;
import java.util.Map;
import org.sahaya.server.cli.CommandLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Options of {@code sahaya dc09}, read by picocli; account and event as the receiver would read them. */
record Dc09Options(String account, String event, String key, String seq, String host, int port) {

    static String usage() {
        return CommandLines.usage(new Args());
    }

    /** @throws IllegalArgumentException on anything but a valid account and event */
    static Dc09Options parse(String[] args, Map<String, String> env) {
        Args a = CommandLines.parse(new Args(), args);
        String account = a.account.toUpperCase();
        String event = a.event.toUpperCase();
        if (!account.matches("[0-9A-F]{3,16}") || !event.matches("\\d{3}|[A-Z]{2}|NULL")) {
            throw new IllegalArgumentException("--account must be 3-16 hex digits and --event a code");
        }
        String seq = a.seq != null ? a.seq : String.format("%04d", 1 + Instant.now().getEpochSecond() % 9999);
        int port = a.port != null ? a.port : Integer.parseInt(env.getOrDefault("SAHAYA_DC09_PORT", "5090"));
        return new Dc09Options(account, event, a.key, seq, a.host, port);
    }

    @Command(name = "sahaya dc09", synopsisHeading = "usage: ", sortOptions = false, sortSynopsis = false)
    static final class Args {
        @Option(names = "--account", paramLabel = "1001", description = "the panel's account (hex digits)")
        String account = "";
        @Option(names = "--event", paramLabel = "100|MA|NULL",
                description = "a Contact ID code (three digits), a SIA code (two letters) or NULL (supervision)")
        String event = "";
        @Option(names = "--key", paramLabel = "ASCII-KEY", description = "encrypt with this AES key")
        String key;
        @Option(names = "--seq", paramLabel = "0001", description = "the message's sequence number")
        String seq;
        @Option(names = "--host", paramLabel = "127.0.0.1", description = "the receiver's host")
        String host = "127.0.0.1";
        @Option(names = "--port", paramLabel = "5090", description = "the receiver's port (default: SAHAYA_DC09_PORT, else 5090)")
        Integer port;
    }
}
