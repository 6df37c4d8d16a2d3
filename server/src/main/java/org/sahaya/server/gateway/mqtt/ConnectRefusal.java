package org.sahaya.server.gateway.mqtt;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;

/** Why a CONNECT is refused, and the CONNACK code that says so in each protocol version. */
public enum ConnectRefusal {
    /** No username or no password. */
    NO_CREDENTIALS(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5,
            MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED),
    /** The client id is not the username: a device connects as itself only. */
    CLIENT_ID_MISMATCH(MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID,
            MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED),
    /** Unknown device or wrong secret (not told apart, so ids cannot be probed). */
    BAD_CREDENTIALS(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD,
            MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD),
    /** Demo credentials on a node not started in demo mode. */
    DEMO_REFUSED(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5,
            MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED),
    /** The device directory could not be read: the device should retry later. */
    UNAVAILABLE(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5,
            MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE),
    /**
     * Another failure from a client id or address that has failed too often: "busy, try later", sent late.
     * Never the answer to the right credentials.
     */
    THROTTLED(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_BUSY,
            MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);

    private final MqttConnectReturnCode mqtt5;
    private final MqttConnectReturnCode mqtt311;

    ConnectRefusal(MqttConnectReturnCode mqtt5, MqttConnectReturnCode mqtt311) {
        this.mqtt5 = mqtt5;
        this.mqtt311 = mqtt311;
    }

    /** Whether this refusal is a failed authentication (counted per client id and address); not for a server fault. */
    public boolean failedAuthentication() {
        return this == NO_CREDENTIALS || this == CLIENT_ID_MISMATCH || this == BAD_CREDENTIALS || this == DEMO_REFUSED;
    }

    /** @param protocolVersion 5 for MQTT 5, 4 for 3.1.1, 3 for 3.1 */
    public MqttConnectReturnCode code(int protocolVersion) {
        return protocolVersion >= 5 ? mqtt5 : mqtt311;
    }

    /** The metric tag. */
    public String tag() {
        return name().toLowerCase().replace('_', '-');
    }
}
