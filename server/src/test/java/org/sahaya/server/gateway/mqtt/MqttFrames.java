package org.sahaya.server.gateway.mqtt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Well-formed MQTT packets as raw bytes, for tests that speak to the gateway over a bare socket. */
final class MqttFrames {

    static final byte[] PINGREQ = {(byte) 0xC0, 0x00};
    static final byte[] DISCONNECT = {(byte) 0xE0, 0x00};

    private MqttFrames() {
    }

    /** CONNECT with client id = username = {@code device}; {@code version} 4 (3.1.1) or 5. */
    static byte[] connect(int version, String device, String password, int keepAliveSeconds) {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        string(v, "MQTT");
        v.write(version);
        v.write(0xC2); // username, password, clean session
        v.write(keepAliveSeconds >> 8);
        v.write(keepAliveSeconds & 0xFF);
        if (version >= 5) {
            v.write(0); // no properties
        }
        string(v, device);
        string(v, device);
        string(v, password);
        return packet(0x10, v.toByteArray());
    }

    static byte[] publish(int version, String topic, byte[] payload, int qos, int packetId, boolean dup) {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        string(v, topic);
        if (qos > 0) {
            v.write(packetId >> 8);
            v.write(packetId & 0xFF);
        }
        if (version >= 5) {
            v.write(0);
        }
        v.writeBytes(payload);
        return packet(0x30 | (dup ? 0x08 : 0) | (qos << 1), v.toByteArray());
    }

    static byte[] subscribe(int version, int packetId, String filter) {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        v.write(packetId >> 8);
        v.write(packetId & 0xFF);
        if (version >= 5) {
            v.write(0);
        }
        string(v, filter);
        v.write(1);
        return packet(0x82, v.toByteArray());
    }

    static byte[] unsubscribe(int version, int packetId, String filter) {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        v.write(packetId >> 8);
        v.write(packetId & 0xFF);
        if (version >= 5) {
            v.write(0);
        }
        string(v, filter);
        return packet(0xA2, v.toByteArray());
    }

    static byte[] pubrel(int packetId) {
        return new byte[] {0x62, 0x02, (byte) (packetId >> 8), (byte) packetId};
    }

    static byte[] packet(int firstByte, byte[] rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int length = rest.length;
        do {
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        out.writeBytes(rest);
        return out.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    /** Reads until the server closes the socket; null if it has not within the socket's read timeout. */
    static byte[] readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1024];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                seen.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            // reset by the server: closed too
        }
        return seen.toByteArray();
    }

    /** Reads exactly {@code n} bytes (a short answer such as CONNACK or PUBACK). */
    static byte[] read(Socket socket, int n) throws IOException {
        return socket.getInputStream().readNBytes(n);
    }
}
