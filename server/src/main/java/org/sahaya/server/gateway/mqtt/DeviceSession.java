package org.sahaya.server.gateway.mqtt;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.sahaya.core.subscriber.Device;
import org.sahaya.server.device.DeviceActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated device connection: routes its packets, answers each in its protocol version,
 * and knows when it has been silent too long. Devices only publish: a SUBSCRIBE is answered, and
 * refused.
 */
final class DeviceSession {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSession.class);
    private static final String GATEWAY = "mqtt";

    private final MqttEndpoint endpoint;
    private final Device device;
    private final Duration keepAlive;
    private final PublishHandler publishes;
    private final DeviceActivity activity;
    private final MqttCounters counters;
    private final Clock clock;
    private final boolean problemInformation;
    private final Set<PublishRefusal> logged = EnumSet.noneOf(PublishRefusal.class);
    private volatile long lastHeardMillis;

    DeviceSession(MqttEndpoint endpoint, Device device, Duration keepAlive, PublishHandler publishes,
                  DeviceActivity activity, MqttCounters counters, Clock clock) {
        this.endpoint = endpoint;
        this.device = device;
        this.keepAlive = keepAlive;
        this.publishes = publishes;
        this.activity = activity;
        this.counters = counters;
        this.clock = clock;
        this.problemInformation = requestsProblemInformation(endpoint);
        this.lastHeardMillis = clock.millis();
    }

    Device device() {
        return device;
    }

    int protocolVersion() {
        return endpoint.protocolVersion();
    }

    /** Wires the handlers and sends the CONNACK. */
    void open(MqttProperties connAck, Runnable onClose) {
        endpoint.publishAutoAck(false);
        endpoint.autoKeepAlive(true);
        endpoint.publishHandler(message -> {
            heard();
            publishes.handle(this, message);
        });
        endpoint.publishReleaseHandler(id -> {
            heard();
            endpoint.publishComplete(id);
        });
        endpoint.pingHandler(v -> heard());
        endpoint.subscribeHandler(subscribe -> {
            heard();
            int n = subscribe.topicSubscriptions().size();
            if (protocolVersion() >= 5) {
                endpoint.subscribeAcknowledge(subscribe.messageId(),
                        Collections.nCopies(n, MqttSubAckReasonCode.NOT_AUTHORIZED), MqttProperties.NO_PROPERTIES);
            } else {
                endpoint.subscribeAcknowledge(subscribe.messageId(), Collections.nCopies(n, MqttQoS.FAILURE));
            }
        });
        endpoint.unsubscribeHandler(unsubscribe -> {
            heard();
            endpoint.unsubscribeAcknowledge(unsubscribe.messageId());
        });
        endpoint.exceptionHandler(e -> { }); // a broken frame closes the connection; the node stays up
        endpoint.closeHandler(v -> onClose.run());
        // No subscriptions and nothing queued for the device: its session state here is always empty, so a
        // device that asked to keep its session has it, and resends what we never acknowledged.
        endpoint.accept(!endpoint.isCleanSession(), connAck);
    }

    /** Acknowledges a publish we accepted (QoS 0 gets no answer). */
    void accept(MqttPublishMessage message) {
        if (!endpoint.isConnected()) {
            return;
        }
        if (message.qosLevel() == MqttQoS.AT_LEAST_ONCE) {
            endpoint.publishAcknowledge(message.messageId());
        } else if (message.qosLevel() == MqttQoS.EXACTLY_ONCE) {
            endpoint.publishReceived(message.messageId());
        }
    }

    /** MQTT 5: the reason code and why; MQTT 3.1.1 cannot say no, so it acknowledges (the refusal is counted). */
    void refuse(MqttPublishMessage message, PublishRefusal reason, String detail) {
        counters.refusedPublish(reason, protocolVersion());
        if (logged.add(reason)) {
            // Once per reason and connection: a chattering device cannot flood the log; the counter has the rest.
            LOG.info("Refused a publish of device {} (MQTT {}): {}", device.id(), protocolVersion() >= 5 ? "5" : "3.1.1",
                    reason.tag());
        }
        if (!endpoint.isConnected()) {
            return;
        }
        if (protocolVersion() < 5) {
            accept(message);
            return;
        }
        MqttProperties properties = new MqttProperties();
        if (problemInformation) {
            properties.add(new MqttProperties.StringProperty(MqttProperties.MqttPropertyType.REASON_STRING.value(), detail));
        }
        if (message.qosLevel() == MqttQoS.AT_LEAST_ONCE) {
            endpoint.publishAcknowledge(message.messageId(), reason.pubAck(), properties);
        } else if (message.qosLevel() == MqttQoS.EXACTLY_ONCE) {
            endpoint.publishReceived(message.messageId(), reason.pubRec(), properties);
        }
    }

    /**
     * Ends the connection without acknowledging: the device keeps the message and resends it (with
     * DUP) when it reconnects, which is what we want when we could not store an alert.
     */
    void closeUnacknowledged() {
        close("not-stored", MqttDisconnectReasonCode.UNSPECIFIED_ERROR);
    }

    /** True once the device has been silent for 1.5 times its keep-alive (MQTT's own rule). */
    boolean silentTooLong(long nowMillis) {
        return nowMillis - lastHeardMillis > keepAlive.toMillis() * 3 / 2;
    }

    void closeSilent() {
        close("keep-alive", MqttDisconnectReasonCode.KEEP_ALIVE_TIMEOUT);
    }

    /** The device was revoked: MQTT 5 hears "not authorized". */
    void closeRevoked() {
        close("revoked", MqttDisconnectReasonCode.NOT_AUTHORIZED);
    }

    void closeTakenOver() {
        close("taken-over", MqttDisconnectReasonCode.SESSION_TAKEN_OVER);
    }

    private void close(String reason, MqttDisconnectReasonCode code) {
        counters.closed(reason, protocolVersion());
        try {
            if (endpoint.isConnected() && protocolVersion() >= 5) {
                endpoint.disconnect(code, MqttProperties.NO_PROPERTIES); // closes too
            } else {
                endpoint.close();
            }
        } catch (IllegalArgumentException | IllegalStateException alreadyClosed) {
            // the device or another path closed it first: nothing left to do
        }
    }

    private void heard() {
        lastHeardMillis = clock.millis();
        activity.heard(device.id(), clock.instant(), GATEWAY);
    }

    private static boolean requestsProblemInformation(MqttEndpoint endpoint) {
        MqttProperties.MqttProperty<?> p = endpoint.connectProperties() == null ? null
                : endpoint.connectProperties().getProperty(MqttProperties.MqttPropertyType.REQUEST_PROBLEM_INFORMATION.value());
        return p == null || !Integer.valueOf(0).equals(p.value());
    }
}
