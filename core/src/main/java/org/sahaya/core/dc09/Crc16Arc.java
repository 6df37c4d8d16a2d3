package org.sahaya.core.dc09;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * CRC-16/ARC (polynomial 0x8005 reflected as 0xA001, initial value 0, no final xor), the checksum
 * of a DC-09 frame. Known vector: {@code "123456789"} is {@code 0xBB3D}. Pure.
 */
public final class Crc16Arc {

    private Crc16Arc() {
    }

    public static int of(byte[] bytes) {
        int crc = 0;
        for (byte b : bytes) {
            crc ^= b & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    /** The CRC of a frame's text, one byte per character (ISO-8859-1, as on the wire). */
    public static int of(String text) {
        return of(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The four upper-case hex digits a frame carries. */
    public static String hex(String text) {
        return String.format(Locale.ROOT, "%04X", of(text));
    }
}
