package org.sahaya.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** A plain TCP client that writes exactly the bytes it is given, for what a well-behaved HTTP client never sends. */
final class RawHttp implements AutoCloseable {

    private final Socket socket = new Socket();

    RawHttp(int port) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(20_000);
        socket.setTcpNoDelay(true);
    }

    RawHttp write(String text) throws IOException {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    RawHttp write(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Everything the server sends until it closes the connection (or 20 s pass: the read then fails). */
    String readUntilClosed() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // a reset after the answer is as closed as a FIN
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    /** Reads one response's status line and headers (enough to see the status). */
    String readHead() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; matched < 4 && (b = in.read()) >= 0; ) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.UTF_8);
    }

    /** One response (head and a Content-Length body), or what arrived before the server closed. */
    String readUntilClosedOrFirstResponse() throws IOException {
        String head = readHead();
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(head);
        if (length.find()) {
            byte[] body = socket.getInputStream().readNBytes(Integer.parseInt(length.group(1)));
            return head + new String(body, StandardCharsets.UTF_8);
        }
        return head;
    }

    boolean isConnectedForWriting() {
        try {
            write(new byte[] {'x'});
            write(new byte[] {'x'});
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The status of a response that starts with a status line ({@code HTTP/1.0 400 ...} included); -1 without one. */
    static int status(String response) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^HTTP/\\d\\.\\d (\\d{3}) ").matcher(response);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
