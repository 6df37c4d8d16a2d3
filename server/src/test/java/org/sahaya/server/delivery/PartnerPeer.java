package org.sahaya.server.delivery;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's own system in the test: a real HTTP server (the JDK's) on port 0 that records every request
 * and answers with the next scripted behaviour (a status, or a silence longer than the sender waits), then
 * with {@link #otherwise}. Handlers run on virtual threads, so a slow answer holds up nothing else.
 */
public final class PartnerPeer implements AutoCloseable {

    /** One request as the peer received it. */
    public record Received(String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse(null);
        }

        /** Whether the signature is the documented one: hex HMAC-SHA256(secret, timestamp + "\n" + body). */
        public boolean signedWith(String secret) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((header("X-Sahaya-Timestamp") + "\n" + body).getBytes(StandardCharsets.UTF_8));
            String given = header("X-Sahaya-Signature");
            return given != null && MessageDigest.isEqual(expected, HexFormat.of().parseHex(given));
        }
    }

    /** What the peer does with a request: answer {@code status}, after {@code delayMillis}. */
    public record Behaviour(int status, long delayMillis) {
        public static Behaviour status(int status) {
            return new Behaviour(status, 0);
        }

        public static Behaviour silentFor(long millis) {
            return new Behaviour(200, millis);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Behaviour> script = new ConcurrentLinkedQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Behaviour otherwise = Behaviour.status(200);

    public PartnerPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8)));
            Behaviour b = script.poll();
            if (b == null) {
                b = otherwise;
            }
            if (b.delayMillis() > 0) {
                try {
                    closing.await(b.delayMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                exchange.sendResponseHeaders(b.status(), -1);
            } catch (IOException e) {
                // the sender gave up waiting
            }
            exchange.close();
        });
        server.start();
    }

    /** Answers these, in order, before {@link #otherwise}. */
    public PartnerPeer then(Behaviour... next) {
        script.addAll(List.of(next));
        return this;
    }

    /** What every request gets once the script is used up. */
    public PartnerPeer otherwise(Behaviour b) {
        otherwise = b;
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The delivery ids received, in order of arrival. */
    public List<String> deliveries() {
        return received.stream().map(r -> r.header("X-Sahaya-Delivery")).toList();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
