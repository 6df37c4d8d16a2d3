package org.sahaya.server.gateway.mqtt;

import io.vertx.mqtt.messages.MqttPublishMessage;
import java.time.Clock;
import java.time.Instant;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.log.Redacted;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.server.gateway.AlertPayload;
import org.sahaya.server.gateway.InvalidAlert;
import org.sahaya.dispatch.workflow.AlertReception;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PUBLISH of an authenticated device: topic policy, size, the v1 alert JSON (or the heartbeat's,
 * the same rules as over HTTP; a key written twice refused in both), rate limit, then the reception; acknowledged only once the alert is persisted. A resent alert (DUP, same alert id)
 * is answered from the intake's stored receipt and changes nothing.
 */
final class PublishHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PublishHandler.class);

    private final AlertPayload payload;
    private final AlertReception reception;
    private final DeviceRateLimit rateLimit;
    private final MqttCounters counters;
    private final Clock clock;
    private final int maxAlertBytes;

    PublishHandler(AlertPayload payload, AlertReception reception, DeviceRateLimit rateLimit, MqttCounters counters,
                   Clock clock, int maxAlertBytes) {
        this.payload = payload;
        this.reception = reception;
        this.rateLimit = rateLimit;
        this.counters = counters;
        this.clock = clock;
        this.maxAlertBytes = maxAlertBytes;
    }

    void handle(DeviceSession session, MqttPublishMessage message) {
        Instant receivedAt = clock.instant();
        String deviceId = session.device().id();
        switch (TopicPolicy.route(deviceId, message.topicName())) {
            case NOT_ALLOWED -> refuse(session, message, PublishRefusal.TOPIC_NOT_ALLOWED,
                    "a device may publish only on " + TopicPolicy.alerts(deviceId) + " and " + TopicPolicy.heartbeat(deviceId));
            case HEARTBEAT -> {
                if (!validHeartbeat(session, message)) {
                    return;
                }
                if (rateLimit.admitRoutine(deviceId)) {
                    session.accept(message);
                } else {
                    refuse(session, message, PublishRefusal.QUOTA_EXCEEDED, "heartbeats beyond this device's rate limit");
                }
            }
            case ALERT -> alert(session, message, receivedAt);
        }
    }

    /** Held to the HTTP heartbeat's body rules (size, duplicate keys, the contract's Heartbeat); refused if not. */
    private boolean validHeartbeat(DeviceSession session, MqttPublishMessage message) {
        if (message.payload().length() > maxAlertBytes) {
            refuse(session, message, PublishRefusal.PAYLOAD_INVALID, "a heartbeat must be at most " + maxAlertBytes + " bytes");
            return false;
        }
        try {
            payload.heartbeat(message.payload());
            return true;
        } catch (InvalidAlert e) {
            refuse(session, message, PublishRefusal.PAYLOAD_INVALID, e.detail());
            return false;
        }
    }

    private void alert(DeviceSession session, MqttPublishMessage message, Instant receivedAt) {
        if (message.payload().length() > maxAlertBytes) {
            refuse(session, message, PublishRefusal.PAYLOAD_INVALID, "the alert must be at most " + maxAlertBytes + " bytes");
            return;
        }
        Alert alert;
        try {
            alert = payload.parse(message.payload(), session.device(), receivedAt);
        } catch (InvalidAlert e) {
            refuse(session, message, PublishRefusal.PAYLOAD_INVALID, e.detail());
            return;
        }
        if (!rateLimit.admit(alert.deviceId(), alert.type())) {
            refuse(session, message, PublishRefusal.QUOTA_EXCEEDED, alert.type() + " alerts beyond this device's rate limit");
            return;
        }
        if (message.qosLevel().value() == 0) {
            counters.unacknowledgedAlert(session.protocolVersion());
        }
        reception.receive(alert).onComplete(done -> {
            if (done.failed()) {
                LOG.error("{} over MQTT could not be stored; closing the connection unacknowledged so the device resends it",
                        alert, Redacted.of(done.cause()));
                session.closeUnacknowledged();
                return;
            }
            session.accept(message);
            reception.acknowledged(alert, done.result());
        });
    }

    private void refuse(DeviceSession session, MqttPublishMessage message, PublishRefusal reason, String detail) {
        // The detail can quote the schema's words but never payload values; ids and reasons only.
        LOG.debug("Refused a publish of device {} (MQTT {}): {}", session.device().id(), session.protocolVersion(), reason);
        session.refuse(message, reason, detail);
    }
}
