package org.sahaya.server.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/** The Mosquitto command-line client ({@code mosquitto_pub}, Debian mosquitto-clients) as a device, MQTT 5 and 3.1.1. */
class MosquittoPubTest {

    @TempDir
    static Path data;
    static Node node;

    @BeforeAll
    static void start() throws Exception {
        // A newcomer's machine may lack the Debian client; CI (CI=true) installs it and must run these.
        Assumptions.assumeTrue(System.getenv("CI") != null || onPath("mosquitto_pub"),
                "mosquitto_pub is not installed (apt-get install mosquitto-clients); skipping the mosquitto_pub tests");
        node = TestNode.start(data, true);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    record Run(int exit, String output) {
    }

    static Run mosquittoPub(String version, String device, String secret, String topic, String message) throws Exception {
        List<String> command = new ArrayList<>(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(node.mqttPort()),
                "-V", version, "-q", "1", "-i", device, "-u", device, "-P", secret, "-t", topic, "-m", message));
        if ("mqttv5".equals(version)) {
            command.addAll(List.of("-D", "connect", "request-problem-information", "1"));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("mosquitto_pub did not finish");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void mosquittoPubOverMqtt5DeliversAnAlert() throws Exception {
        Run run = mosquittoPub("mqttv5", "demo-0301", "demo-secret-0301", "devices/demo-0301/alerts",
                DeviceClient.alert("mp5-1", "demo-0301", "FALL").encode());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(TestNode.storedAlert(node, "demo-0301", "mp5-1")).isPresent();
    }

    @Test
    void mosquittoPubOverMqtt311DeliversAnAlert() throws Exception {
        Run run = mosquittoPub("mqttv311", "demo-0302", "demo-secret-0302", "devices/demo-0302/alerts",
                DeviceClient.alert("mp3-1", "demo-0302", "SOS").encode());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(TestNode.storedAlert(node, "demo-0302", "mp3-1")).isPresent();
    }

    @Test
    void mosquittoPubOverMqtt5IsToldThePayloadIsInvalid() throws Exception {
        Run run = mosquittoPub("mqttv5", "demo-0303", "demo-secret-0303", "devices/demo-0303/alerts", "{\"alertId\":1}");

        assertThat(run.output()).containsIgnoringCase("payload format invalid");
    }

    @Test
    void mosquittoPubWithAWrongSecretIsRefused() throws Exception {
        Run v5 = mosquittoPub("mqttv5", "demo-0304", "wrong", "devices/demo-0304/alerts", "{}");
        Run v311 = mosquittoPub("mqttv311", "demo-0304", "wrong", "devices/demo-0304/alerts", "{}");

        assertThat(v5.exit()).isNotZero();
        assertThat(v5.output()).containsIgnoringCase("bad user name or password");
        assertThat(v311.exit()).isNotZero();
        assertThat(v311.output()).containsIgnoringCase("bad user name or password");
    }
}
