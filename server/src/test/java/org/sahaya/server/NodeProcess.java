package org.sahaya.server;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A node in its own JVM, started as an operator would ({@code Main demo}), so a test can kill -9 it. */
public final class NodeProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("sahaya listening http=(\\d+).* management=(\\d+)");

    private final Process process;
    private final AtomicInteger port = new AtomicInteger();
    private final AtomicInteger managementPort = new AtomicInteger();

    private NodeProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readStdout, "node-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    public static NodeProcess startDemo(Path dataDir, String clusterName) throws IOException {
        return startDemo(dataDir, clusterName, Map.of());
    }

    public static NodeProcess startDemo(Path dataDir, String clusterName, Map<String, String> extraEnv) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "demo"));
        Map<String, String> env = pb.environment();
        env.put("SAHAYA_HTTP_PORT", "0");
        env.put("SAHAYA_DC09_PORT", "0");
        env.put("SAHAYA_MQTT_PORT", "0");
        env.put("SAHAYA_MANAGEMENT_PORT", "0");
        env.put("SAHAYA_DATA_DIR", dataDir.toString());
        env.put("SAHAYA_CLUSTER_NAME", clusterName);
        env.put("SAHAYA_MEMBER_PORT", "5851");
        env.put("SAHAYA_ACCEPT_TIMEOUT_SECONDS", "3600"); // as TestNode: test crews never answer their jobs
        env.putAll(extraEnv);
        pb.redirectError(dataDir.resolve("node-stderr.log").toFile());
        NodeProcess node = new NodeProcess(pb.start());
        await().atMost(Duration.ofSeconds(90)).until(() -> node.port.get() > 0 || !node.process.isAlive());
        if (node.port.get() == 0) {
            throw new IllegalStateException("node exited with " + node.process.exitValue() + "; see " + dataDir + "/node-stderr.log");
        }
        return node;
    }

    private void readStdout() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    managementPort.set(Integer.parseInt(m.group(2)));
                    port.set(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            // The process is gone; the port stays as it was.
        }
    }

    public int httpPort() {
        return port.get();
    }

    /** Where its health and metrics answer ({@code management=} of the listening line). */
    public int managementPort() {
        return managementPort.get();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing graceful. */
    public void killHard() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
        }
    }
}
