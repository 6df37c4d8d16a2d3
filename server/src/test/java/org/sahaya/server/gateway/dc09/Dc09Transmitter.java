package org.sahaya.server.gateway.dc09;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sahaya.core.dc09.Crc16Arc;

/**
 * An alarm panel for tests: builds DC-09 frames the way a transmitter does (its own AES code, only
 * the CRC is shared with the receiver, and that is pinned by a catalogue vector) and speaks them
 * over a real TCP socket.
 */
public final class Dc09Transmitter implements AutoCloseable {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("'_'HH:mm:ss','MM-dd-yyyy").withZone(ZoneOffset.UTC);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public Dc09Transmitter(int port) throws IOException {
        this(new Socket("127.0.0.1", port));
    }

    /** Over a socket already connected (a TLS one, say). */
    Dc09Transmitter(Socket connected) throws IOException {
        socket = connected;
        socket.setSoTimeout(20_000);
        in = new java.io.BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** A frame in the clear: {@code "token"seqL0#acct[#acct|data]_timestamp}. */
    static String plain(String token, String seq, String account, String data, Instant timestamp) {
        String content = data.isEmpty() ? "" : "#" + account + "|" + data;
        return frame("\"" + token + "\"" + seq + "L0#" + account + "[" + content + "]"
                + (timestamp == null ? "" : TIMESTAMP.format(timestamp)));
    }

    /** An encrypted frame: after the bracket, hex(AES-CBC zero IV(pad|#acct|data]_timestamp)). */
    public static String encrypted(String token, String seq, String account, String data, Instant timestamp, String asciiKey) {
        String content = (data.isEmpty() ? "" : "#" + account + "|" + data) + "]" + TIMESTAMP.format(timestamp);
        String padded = "0".repeat(16 - (content.length() + 1) % 16) + "|" + content;
        return frame("\"*" + token + "\"" + seq + "L0#" + account + "[" + hex(aes(Cipher.ENCRYPT_MODE, asciiKey,
                padded.getBytes(StandardCharsets.US_ASCII))));
    }

    static String frame(String text) {
        return "\n" + String.format("%04X", Crc16Arc.of(text)) + String.format("%04X", text.length()) + text + "\r";
    }

    /** Sends one frame and returns the answer's text from its id on, after checking the answer's CRC and length. */
    public String send(String frame) throws IOException {
        write(frame.getBytes(StandardCharsets.ISO_8859_1));
        return readAnswer();
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    String readAnswer() throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed by the receiver");
            }
            answer.write(b);
        }
        String framed = answer.toString(StandardCharsets.ISO_8859_1);
        if (!framed.startsWith("\n") || framed.length() < 9) {
            throw new IOException("not a DC-09 answer: " + framed);
        }
        String text = framed.substring(9);
        if (Integer.parseInt(framed.substring(1, 5), 16) != Crc16Arc.of(text)
                || Integer.parseInt(framed.substring(5, 9), 16) != text.length()) {
            throw new IOException("answer with a bad CRC or length: " + framed);
        }
        return text;
    }

    /** The clear text of an encrypted answer's part after the bracket. */
    static String decrypt(String hex, String asciiKey) {
        return new String(aes(Cipher.DECRYPT_MODE, asciiKey, HexFormat.of().parseHex(hex)), StandardCharsets.US_ASCII);
    }

    boolean isClosedByPeer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static byte[] aes(int mode, String asciiKey, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(asciiKey.getBytes(StandardCharsets.US_ASCII), "AES"),
                    new IvParameterSpec(new byte[16]));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
