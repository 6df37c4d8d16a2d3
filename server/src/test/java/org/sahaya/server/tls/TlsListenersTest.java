package org.sahaya.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.DeviceSignature;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;
import org.sahaya.server.gateway.mqtt.TopicPolicy;

/**
 * With {@code SAHAYA_TLS_CERT} and {@code SAHAYA_TLS_KEY} set, devices reach the HTTP API and the MQTT
 * gateway over TLS (a client trusting the node's certificate), clear text no longer works, and the
 * management port stays plain on loopback.
 */
class TlsListenersTest {

    @TempDir
    static Path data;
    @TempDir
    static Path certificates;
    static TestCertificate certificate;
    static Node node;

    @BeforeAll
    static void start() throws Exception {
        certificate = TestCertificate.write(certificates);
        node = Node.start(TestNode.config(data, true, certificate.settings()), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aDeviceAlertOverHttpsIsAccepted() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(certificate.trusting())
                .connectTimeout(Duration.ofSeconds(5)).build();
        String body = DeviceClient.alert("tls-1", "demo-0301", "FALL").encode();
        String ts = Long.toString(Instant.now().toEpochMilli());
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.httpPort() + "/api/v1/alerts"))
                .header("Content-Type", "application/json")
                .header("X-Device-Id", "demo-0301")
                .header("X-Timestamp", ts)
                .header("X-Signature", DeviceSignature.sign(Device.demoSecret("demo-0301"), ts, DeviceClient.bytes(body)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(20)).build();

        HttpResponse<String> answer = https.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(new JsonObject(answer.body()).getString("incidentId")).isNotBlank();
    }

    @Test
    void plainHttpToTheTlsPortGetsNoAnswer() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/api/v1/units"))
                .timeout(Duration.ofSeconds(10)).build();

        assertThatThrownBy(() -> plain.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void anHttpsClientThatDoesNotTrustTheCertificateIsRefused() {
        HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.httpPort() + "/api/v1/units"))
                .timeout(Duration.ofSeconds(10)).build();

        assertThatThrownBy(() -> untrusting.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void anMqttDeviceConnectsAndPublishesOverTls() throws Exception {
        SSLContext tls = certificate.trusting();
        MqttAsyncClient client = new MqttAsyncClient("ssl://127.0.0.1:" + node.mqttPort(), "demo-0302",
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(tls.getSocketFactory());
        options.setUserName("demo-0302");
        options.setPassword(Device.demoSecret("demo-0302").getBytes(StandardCharsets.UTF_8));
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        try {
            client.connect(options).waitForCompletion(10_000);
            assertThat(client.isConnected()).isTrue();
            MqttMessage alert = new MqttMessage(DeviceClient.alert("tls-mqtt-1", "demo-0302", "FALL").encode()
                    .getBytes(StandardCharsets.UTF_8));
            alert.setQos(1);
            var token = client.publish(TopicPolicy.alerts("demo-0302"), alert);
            token.waitForCompletion(10_000);
            assertThat(token.getReasonCodes()).containsOnly(0);
            client.disconnect().waitForCompletion(10_000);
        } finally {
            client.close(true);
        }
    }

    @Test
    void theManagementPortStaysPlainOnLoopback() {
        assertThat(new DeviceClient(node.managementPort()).get("/health/live").statusCode()).isEqualTo(200);
    }
}
