package org.sahaya.loadtest.city;

/** What a stream of the city scenario sends, and over which protocol. */
public enum StreamKind {
    /** Signed {@code POST /api/v1/devices/{id}/heartbeat}, answered 204. */
    HEARTBEAT,
    /** Fleet partner's {@code POST /api/v1/units/{id}/position}. */
    POSITION,
    /** Hospital partner's {@code PUT /api/v1/hospitals/{id}/beds}. */
    BEDS,
    /** Signed {@code POST /api/v1/alerts}, answered 202. */
    ALERT_HTTP,
    /** QoS 1 publish on {@code devices/{id}/alerts}, answered by PUBACK. */
    ALERT_MQTT,
    /** SIA-DCS event from a home hub, answered by ACK. */
    ALERT_DC09;

    public boolean isAlert() {
        return this == ALERT_HTTP || this == ALERT_MQTT || this == ALERT_DC09;
    }
}
