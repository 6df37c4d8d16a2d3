package org.sahaya.server.gateway.mqtt;

import io.vertx.mqtt.messages.codes.MqttPubAckReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubRecReasonCode;

/**
 * Why a PUBLISH is refused, and its MQTT 5 reason code. MQTT 3.1.1 has no reason codes: there the
 * refusal is acknowledged as usual (a resend would not fix it), logged and counted.
 */
public enum PublishRefusal {
    /** Not the v1 alert (or heartbeat) JSON, a key written twice, or larger than {@code SAHAYA_MAX_ALERT_BYTES}. */
    PAYLOAD_INVALID(MqttPubAckReasonCode.PAYLOAD_FORMAT_INVALID, MqttPubRecReasonCode.PAYLOAD_FORMAT_INVALID),
    /** Another device's topic, or no topic of ours. */
    TOPIC_NOT_ALLOWED(MqttPubAckReasonCode.NOT_AUTHORIZED, MqttPubRecReasonCode.NOT_AUTHORIZED),
    /** A routine message beyond the device's rate limit (emergencies are never refused). */
    QUOTA_EXCEEDED(MqttPubAckReasonCode.QUOTA_EXCEEDED, MqttPubRecReasonCode.QUOTA_EXCEEDED);

    private final MqttPubAckReasonCode pubAck;
    private final MqttPubRecReasonCode pubRec;

    PublishRefusal(MqttPubAckReasonCode pubAck, MqttPubRecReasonCode pubRec) {
        this.pubAck = pubAck;
        this.pubRec = pubRec;
    }

    public MqttPubAckReasonCode pubAck() {
        return pubAck;
    }

    public MqttPubRecReasonCode pubRec() {
        return pubRec;
    }

    /** The metric tag. */
    public String tag() {
        return name().toLowerCase().replace('_', '-');
    }
}
