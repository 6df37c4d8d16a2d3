package org.sahaya.server;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.sahaya.core.config.ConfigException;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.config.Settings;
import org.sahaya.server.cli.AlertCommand;
import org.sahaya.server.gateway.dc09.Dc09Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door behind {@code ./sahaya}: {@code demo} (embedded defaults and the demo city),
 * {@code node} (from configuration), {@code alert} (send a signed alert as a device).
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            case "demo" -> run(true);
            case "node" -> run(false);
            case "alert" -> System.exit(AlertCommand.run(rest, System.getenv()));
            case "dc09" -> System.exit(Dc09Command.run(rest, System.getenv(), System.out));
            default -> {
                System.err.println("usage: sahaya demo | node | alert --device ID --type TYPE [--follow]");
                System.exit(2);
            }
        }
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
        Node node = Node.start(config, Clock.systemUTC());
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
