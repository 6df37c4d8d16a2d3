package org.sahaya.loadtest.single;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.sahaya.loadtest.alerts.IncidentSample;
import org.sahaya.loadtest.alerts.TrafficMix;
import org.sahaya.loadtest.baseline.MqttBaselineServer;
import org.sahaya.loadtest.mqtt.MqttAlertTarget;
import org.sahaya.loadtest.mqtt.MqttDevices;
import org.sahaya.loadtest.run.Await;
import org.sahaya.loadtest.run.Endpoint;
import org.sahaya.loadtest.run.Target;

/**
 * MQTT mode ({@code --mqtt PORT}): every demo device connected to the node's MQTT gateway and, with
 * {@code --baseline}, to a bare MQTT QoS 1 echo server started here; the runs then publish instead
 * of POSTing. The node's HTTP URL is still used for its metrics.
 */
final class MqttLink implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    private static final int IN_FLIGHT_PER_DEVICE = 64;

    private final Endpoint nodeEndpoint;
    private final MqttDevices node;
    private final MqttBaselineServer baselineServer;
    private final MqttDevices baseline;
    private final Duration timeout;

    private MqttLink(Endpoint nodeEndpoint, MqttDevices node, MqttBaselineServer baselineServer, MqttDevices baseline,
                     Duration timeout) {
        this.nodeEndpoint = nodeEndpoint;
        this.node = node;
        this.baselineServer = baselineServer;
        this.baseline = baseline;
        this.timeout = timeout;
    }

    static MqttLink open(Vertx vertx, RunOptions options) {
        Endpoint mqttNode = new Endpoint(options.node().host(), options.mqttPort());
        MqttDevices node = Await.result(MqttDevices.connect(vertx, mqttNode, options.devices(), IN_FLIGHT_PER_DEVICE),
                CONNECT_TIMEOUT, "connecting " + options.devices() + " devices to MQTT " + mqttNode.host() + ":" + mqttNode.port());
        MqttBaselineServer server = null;
        MqttDevices baseline = null;
        if (options.baseline()) {
            server = Await.result(MqttBaselineServer.start(), CONNECT_TIMEOUT, "starting the MQTT baseline");
            baseline = Await.result(MqttDevices.connect(vertx, server.endpoint(), options.devices(), IN_FLIGHT_PER_DEVICE),
                    CONNECT_TIMEOUT, "connecting the devices to the MQTT baseline");
        }
        return new MqttLink(options.node(), node, server, baseline, options.requestTimeout());
    }

    Endpoint baselineEndpoint() {
        return baselineServer == null ? null : baselineServer.endpoint();
    }

    Target target(Endpoint endpoint, String runTag, TrafficMix mix, IncidentSample sample) {
        return new MqttAlertTarget(endpoint.equals(nodeEndpoint) ? node : baseline, runTag, mix, timeout);
    }

    @Override
    public void close() {
        node.close();
        if (baseline != null) {
            baseline.close();
        }
        if (baselineServer != null) {
            baselineServer.close();
        }
    }
}
