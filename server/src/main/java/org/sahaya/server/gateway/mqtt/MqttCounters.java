package org.sahaya.server.gateway.mqtt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the MQTT gateway refused, by reason and protocol version, for {@code /metrics}: on MQTT 3.1.1
 * a refused publish is still acknowledged, so these counters are where a refusal shows.
 */
public final class MqttCounters {

    private final MeterRegistry registry;

    public MqttCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    void refusedPublish(PublishRefusal reason, int protocolVersion) {
        counter("sahaya.mqtt.publish.refused", reason.tag(), protocolVersion).increment();
    }

    void refusedConnect(ConnectRefusal reason, int protocolVersion) {
        counter("sahaya.mqtt.connect.refused", reason.tag(), protocolVersion).increment();
    }

    /** A connection closed by us: keep-alive or connect timeout, bad frame, an alert we could not store. */
    void closed(String reason, int protocolVersion) {
        counter("sahaya.mqtt.connection.closed", reason, protocolVersion).increment();
    }

    /** A packet the protocol layer refused (malformed, out of order): the connection is closed. */
    void protocolError() {
        Counter.builder("sahaya.mqtt.protocol.errors").register(registry).increment();
    }

    /** An alert sent at QoS 0: processed, but nothing told the device. */
    void unacknowledgedAlert(int protocolVersion) {
        counter("sahaya.mqtt.alert.qos0", "qos0", protocolVersion).increment();
    }

    private Counter counter(String name, String reason, int protocolVersion) {
        return Counter.builder(name).tag("reason", reason).tag("protocol", protocolVersion >= 5 ? "5" : "3.1.1")
                .register(registry);
    }
}
