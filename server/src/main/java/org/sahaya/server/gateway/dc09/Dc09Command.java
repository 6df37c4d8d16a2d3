package org.sahaya.server.gateway.dc09;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.sahaya.core.dc09.Dc09Frame;
import org.sahaya.server.gateway.dc09.account.AccountKey;

/**
 * {@code sahaya dc09 --account 1001 --event 100 [--key K] [--seq 0001] [--host H] [--port P]}: sends
 * one panel message and prints the receiver's answer. {@code --event} is a Contact ID code (three
 * digits), a SIA code (two letters) or {@code NULL}; {@code --key} (ASCII) encrypts it. A
 * command-line tool: it may block.
 */
public final class Dc09Command {

    private Dc09Command() {
    }

    /** @return the exit code: 0 ACK, 1 any other answer or no answer, 2 usage */
    public static int run(String[] args, Map<String, String> env, PrintStream out) {
        Dc09Options o;
        try {
            o = Dc09Options.parse(args, env);
        } catch (IllegalArgumentException e) {
            out.println(Dc09Options.usage());
            return 2;
        }
        String frame = frame(o.account(), o.event(), o.seq(), o.key(), Instant.now());
        int port = o.port();
        out.println("sent:   " + frame.strip());
        try (Socket socket = new Socket(o.host(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(frame.getBytes(StandardCharsets.ISO_8859_1));
            String answer = readFrame(socket.getInputStream());
            out.println("answer: " + answer.strip());
            return answer.contains("ACK\"") ? 0 : 1;
        } catch (IOException e) {
            out.println("sahaya dc09: no answer from port " + port + " (" + e.getMessage() + "); is the node running?");
            return 1;
        } catch (IllegalArgumentException e) {
            out.println("sahaya dc09: " + e.getMessage());
            return 2;
        }
    }

    static String frame(String account, String event, String seq, String asciiKey, Instant now) {
        boolean contactId = event.matches("\\d{3}");
        String token = event.equals("NULL") ? Dc09Frame.NULL : contactId ? Dc09Frame.ADM_CID : Dc09Frame.SIA_DCS;
        String data = token.equals(Dc09Frame.NULL) ? "" : "#" + account + "|" + (contactId ? "1" + event + " 01 001" : "Nri1/" + event + "01");
        String tail = data + "]" + Dc09Frame.timestamp(now);
        String body = asciiKey == null ? tail : AccountKey.of(asciiKey, AccountKey.Format.ASCII).encrypt("|" + tail);
        return new Dc09Frame(token, asciiKey != null, seq, null, "0", account, body).framed();
    }

    private static String readFrame(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            answer.write(b);
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }
}
