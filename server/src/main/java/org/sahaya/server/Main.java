package org.sahaya.server;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.sahaya.core.config.ConfigException;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.config.Settings;
import org.sahaya.server.access.people.UserCommand;
import org.sahaya.server.admin.bundle.ImportCommand;
import org.sahaya.server.cli.AlertCommand;
import org.sahaya.server.cli.CommandLines;
import org.sahaya.server.cli.DemoLogin;
import org.sahaya.server.cli.SecretsCommand;
import org.sahaya.server.gateway.dc09.Dc09Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The front door behind {@code ./sahaya}: {@code demo} (embedded defaults and the demo city),
 * {@code node} (from configuration), {@code alert} (send a signed alert as a device), {@code dc09}
 * (send one panel message), {@code user} (people's accounts), {@code import} (a city from a file). picocli picks the command; {@code alert} and {@code dc09} read their
 * own options, so that each explains its own mistakes.
 */
@Command(name = "sahaya", customSynopsis = Main.USAGE)
public final class Main implements Runnable {

    static final String USAGE = "usage: sahaya demo | node | alert --device ID --type TYPE [--follow]"
            + " | dc09 --account ID --event CODE | user add NAME --role ROLE | user list | user disable NAME"
            + " | login [DEMO-USER] | secrets rotate-master-key | import FILE [--section S] [--report F] [--secrets F]"
            + " | report sla --month YYYY-MM [--out DIR]";

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
        CommandLine commands = CommandLines.of(new Main()).setUnmatchedOptionsArePositionalParams(true)
                .setParameterExceptionHandler((e, a) -> usage())
                .setExecutionExceptionHandler((e, cli, parsed) -> {
                    throw e; // as before picocli: a failed start ends main with its exception
                });
        int code = commands.execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** No command, or one that is not known. */
    @Override
    public void run() {
        System.exit(usage());
    }

    @Command(name = "demo")
    void demo(@Parameters(arity = "0..*", paramLabel = "IGNORED") List<String> ignored) throws Exception {
        run(true);
    }

    @Command(name = "node")
    void node(@Parameters(arity = "0..*", paramLabel = "IGNORED") List<String> ignored) throws Exception {
        run(false);
    }

    @Command(name = "alert")
    void alert(@Parameters(arity = "0..*", paramLabel = "OPTIONS") List<String> options) {
        System.exit(AlertCommand.run(array(options), System.getenv()));
    }

    @Command(name = "dc09")
    void dc09(@Parameters(arity = "0..*", paramLabel = "OPTIONS") List<String> options) {
        System.exit(Dc09Command.run(array(options), System.getenv(), System.out));
    }

    @Command(name = "login")
    void login(@Parameters(arity = "0..*", paramLabel = "OPTIONS") List<String> options) throws Exception {
        System.exit(DemoLogin.run(array(options), System.getenv(), System.out));
    }

    @Command(name = "user")
    void user(@Parameters(arity = "0..*", paramLabel = "OPTIONS") List<String> options) {
        System.exit(UserCommand.run(array(options), System.getenv(), System.in, System.out, System.console()));
    }

    @Command(name = "secrets")
    void secrets(@Parameters(arity = "0..*", paramLabel = "OPTIONS") List<String> options) {
        System.exit(SecretsCommand.run(array(options), System.getenv(), System.out));
    }

    @Command(name = "import")
    void importCity(@Parameters(arity = "0..*", paramLabel = "OPTIONS") List<String> options) {
        System.exit(ImportCommand.run(array(options), System.getenv(), System.out));
    }

    @Command(name = "report")
    void report(@Parameters(arity = "0..*", paramLabel = "OPTIONS") List<String> options) {
        System.exit(org.sahaya.server.report.sla.SlaReportCommand.run(array(options), System.getenv(), System.out));
    }

    private static String[] array(List<String> options) {
        return options == null ? new String[0] : options.toArray(String[]::new);
    }

    private static int usage() {
        System.err.println(USAGE);
        return 2;
    }

    private static void run(boolean demo) throws Exception {
        SahayaConfig config;
        try {
            config = SahayaConfig.from(Settings.load(System.getenv(), Map.of()), demo);
        } catch (ConfigException e) {
            System.err.println("sahaya: " + e.getMessage());
            System.exit(2);
            return;
        }
        Node node;
        try {
            node = Node.start(config, Clock.systemUTC());
        } catch (ConfigException e) { // e.g. no master key, or not the one the secrets were sealed with
            System.err.println("sahaya: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping");
            node.close();
            stopped.countDown();
        }, "sahaya-shutdown"));
        LOG.info("Node started ({}{})", config, demo ? ", demo city" : "");
        System.out.println(node.listeningLine());
        System.out.flush();
        stopped.await();
    }
}
