package org.sahaya.server.gateway.dc09;

import java.nio.charset.StandardCharsets;

/** CRC-16/ARC (poly 0x8005 reflected, init 0), the checksum of a DC-09 frame. Known vector: "123456789" is 0xBB3D. */
final class Crc16Arc {

    private Crc16Arc() {
    }

    static int of(byte[] bytes) {
        int crc = 0;
        for (byte b : bytes) {
            crc ^= b & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    static int of(String ascii) {
        return of(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The four upper-case hex digits a frame carries. */
    static String hex(String ascii) {
        return String.format("%04X", of(ascii));
    }
}
