package org.sahaya.server.http;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.sahaya.server.DeviceClient;

/** Random and mutated device requests, from a seeded {@link Random} so that a failing run replays. */
final class FuzzRequests {

    private static final List<String> DEVICES = List.of("demo-0090", "demo-0091", "demo-0092", "demo-0093", "demo-0094");
    private static final List<String> TYPES = List.of("FALL", "SOS", "MEDICAL", "SMOKE", "CO", "GAS", "WATER",
            "INACTIVITY", "LOW_BATTERY", "TEST", "CANCEL", "DEVICE_OFFLINE", "fall", "", "FALL ", "ＦＡＬＬ");
    private static final List<String> ODD_VALUES = List.of("1e999", "-1e999", "99999999999999999999999999999999",
            "-0", "0.0000000000000000000001", "NaN", "Infinity", "true", "null", "[]", "{}", "\"\"", "\"\\u0000\"",
            "\"\\ud800\"", "\"𝔉𝔞𝔩𝔩 🚑 سقوط गिरना\"", "12.97", "[1,2,3]", "{\"lat\":\"north\"}", "\"2026-13-45T99:99:99Z\"",
            "\"2026-11-23T14:05:00\"", "\"yesterday\"", "-91", "181", "1" + "0".repeat(400));
    private static final List<String> UNICODE = List.of("\u0000", "\u202E", "\uFEFF", "🚑", "\u0301", "\\", "\"",
            "\\u", "ß", "𝕏", "\uFFFF", "\r\n", "\t", "}", "{", "[", ",", ":");
    private static final List<String> METHODS = List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE",
            "FROB");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/json; charset=utf-16",
            "application/jsonx", "multipart/form-data", "multipart/form-data; boundary=xyz",
            "application/x-www-form-urlencoded", "APPLICATION/JSON", "*/*");

    private final Random random;
    private int serial;

    FuzzRequests(Random random) {
        this.random = random;
    }

    /** One request to send, described well enough to replay by hand. */
    record Fuzzed(String method, String path, List<String[]> headers, String body, String mutation) {

        HttpRequest toRequest(String base) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
            headers.forEach(h -> b.header(h[0], h[1]));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return b.method(method, bytes.length == 0 && !"POST".equals(method) && !"PUT".equals(method)
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        }

        String describe() {
            String shown = body.length() > 200 ? body.substring(0, 200) + "…(" + body.length() + " chars)" : body;
            StringBuilder h = new StringBuilder();
            headers.forEach(x -> h.append(x[0]).append('=').append(x[1].length() > 80 ? x[1].substring(0, 80) + "…" : x[1])
                    .append(' '));
            return mutation + ": " + method + " " + (path.length() > 200 ? path.substring(0, 200) + "…" : path)
                    + " [" + h + "] " + shown;
        }
    }

    Fuzzed next() {
        String device = pick(DEVICES);
        String alertId = "fz-" + (serial++);
        JsonObject alert = DeviceClient.alert(alertId, device, pick(TYPES.subList(0, 11)));
        if (random.nextBoolean()) {
            alert.put("location", new JsonObject().put("lat", 12.9 + random.nextDouble() / 10)
                    .put("lon", 77.5 + random.nextDouble() / 10).put("accuracyM", random.nextInt(100)));
        }
        String valid = alert.encode();
        int bodyMutation = random.nextInt(16);
        String body = mutateBody(valid, bodyMutation, alertId, device);
        String method = random.nextInt(10) == 0 ? pick(METHODS) : "POST";
        String path = path(device);
        String timestamp = HttpFuzzTest.now();
        String signature = HttpFuzzTest.sign(device, timestamp, body);
        String deviceHeader = device;
        int headerMutation = random.nextInt(10);
        switch (headerMutation) {
            case 0 -> signature = HttpFuzzTest.sign(device, timestamp, valid); // signed the unmutated body
            case 1 -> timestamp = pick(List.of("", "abc", "-1", "0", "99999999999999999999", "1e3", " 1", "１２３"));
            case 2 -> timestamp = Long.toString(Long.parseLong(timestamp) - 3_600_000); // stale but well signed
            case 3 -> signature = pick(List.of("", "zz", "0".repeat(64), "G".repeat(64), signature.toUpperCase(),
                    signature.substring(1), signature + "0"));
            case 4 -> deviceHeader = pick(List.of("", "demo-9999", "nobody", "demo-0001", "d".repeat(65), "demo-00 90",
                    "dèmo-0090", "demo-0090\u0007"));
            default -> {
            }
        }
        if (headerMutation == 2) {
            signature = HttpFuzzTest.sign(device, timestamp, body);
        }
        List<String[]> headers = new java.util.ArrayList<>();
        int drop = random.nextInt(12);
        if (drop != 0) {
            headers.add(new String[] {"X-Device-Id", deviceHeader});
        }
        if (drop != 1) {
            headers.add(new String[] {"X-Timestamp", timestamp});
        }
        if (drop != 2) {
            headers.add(new String[] {"X-Signature", signature});
        }
        int typeChoice = random.nextInt(10);
        if (typeChoice == 0) {
            headers.add(new String[] {"Content-Type", pick(CONTENT_TYPES)});
        } else if (typeChoice != 1) {
            headers.add(new String[] {"Content-Type", "application/json"});
        }
        if (random.nextInt(20) == 0) {
            headers.add(new String[] {"X-Padding", "p".repeat(random.nextInt(6000))});
        }
        return new Fuzzed(method, path, headers, body, "body#" + bodyMutation + "/headers#" + headerMutation
                + "/drop#" + drop + "/type#" + typeChoice);
    }

    private String path(String device) {
        return switch (random.nextInt(20)) {
            case 0 -> "/api/v1/devices/" + pick(List.of(device, "demo-0001", "x", "%2e%2e", "a".repeat(70))) + "/heartbeat";
            case 1 -> "/api/v1/devices/" + device + "/heartbeat";
            case 2 -> pick(List.of("/api/v1/alerts/", "/api/v1/alerts?x=1", "/api/v1//alerts", "/api/v1/alerts/../alerts",
                    "/api/v2/alerts", "/API/V1/ALERTS", "/api/v1/alerts%00", "/api/v1/incidents/%C0%AF",
                    "/api/v1/incidents?state=NEW&limit=-5", "/api/v1/incidents?limit=99999999999999999999",
                    "/api/v1/sandbox/messages?recipient=%2B1", "/" + "a/".repeat(random.nextInt(300)), "/metrics/x",
                    "/health/ready/", "/api/v1/incidents/" + "I".repeat(100)));
            default -> "/api/v1/alerts";
        };
    }

    private String mutateBody(String valid, int mutation, String alertId, String device) {
        return switch (mutation) {
            case 0, 1 -> valid;
            case 2 -> flip(valid, 1 + random.nextInt(5));
            case 3 -> valid.substring(0, random.nextInt(valid.length()));
            case 4 -> insert(valid, pick(UNICODE));
            case 5 -> replaceValue(valid, pick(List.of("alertId", "deviceId", "type", "occurredAt", "location")), pick(ODD_VALUES));
            case 6 -> {
                JsonObject json = new JsonObject(valid);
                json.remove(pick(List.of("alertId", "deviceId", "type", "occurredAt")));
                yield json.encode();
            }
            case 7 -> {
                int depth = 1 + random.nextInt(3000);
                yield valid.substring(0, valid.length() - 1) + ",\"vitals\":{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}}";
            }
            case 8 -> new JsonObject(valid).put("vitals", new JsonObject().put("note", "v".repeat(17_000))).encode();
            case 9 -> randomBytes(random.nextInt(300));
            case 10 -> "";
            case 11 -> pick(List.of("[" + valid + "]", "\"" + alertId + "\"", "42", "null", "true", valid + valid, valid + "garbage"));
            case 12 -> valid.substring(0, valid.length() - 1) + ",\"type\":\"FALL\",\"alertId\":\"" + alertId + "-dup\"}";
            case 13 -> replaceValue(valid, "location", "{\"lat\":" + pick(ODD_VALUES) + ",\"lon\":" + pick(ODD_VALUES) + "}");
            case 14 -> replaceValue(valid, "type", "\"" + pick(TYPES) + "\"");
            default -> replaceValue(valid, "deviceId", "\"" + pick(List.of("demo-0001", device + "x", "", device)) + "\"");
        };
    }

    private String flip(String s, int times) {
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < times && b.length() > 0; i++) {
            b.setCharAt(random.nextInt(b.length()), (char) (32 + random.nextInt(95)));
        }
        return b.toString();
    }

    private String insert(String s, String what) {
        int at = random.nextInt(s.length() + 1);
        return s.substring(0, at) + what + s.substring(at);
    }

    private static String replaceValue(String json, String field, String rawValue) {
        JsonObject o = new JsonObject(json);
        o.put(field, "\u0001PLACEHOLDER\u0001");
        return o.encode().replace("\"\\u0001PLACEHOLDER\\u0001\"", rawValue);
    }

    private String randomBytes(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.appendCodePoint(random.nextInt(3) == 0 ? random.nextInt(0x3000) : 32 + random.nextInt(95));
        }
        return b.toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** A request whose HTTP framing itself is broken, sent over a raw socket. */
    /**
     * A frame sent over a raw socket, and what may answer it besides a 4xx: a body whose chunk framing is
     * broken after valid headers cannot be answered (Netty has lost the framing; Vert.x closes the
     * connection), and an unknown HTTP version gets Vert.x's own 501 before any handler of ours runs.
     */
    record Frame(byte[] bytes, boolean mayCloseUnanswered, boolean unknownVersion) {
    }

    static Frame brokenFrame(Random random) {
        int kind = random.nextInt(12);
        return new Frame(brokenFrame(random, kind), kind == 4, kind == 1);
    }

    private static byte[] brokenFrame(Random random, int kind) {
        String body = "{\"alertId\":\"raw\"}";
        String frame = switch (kind) {
            case 0 -> "GARBAGE\r\n\r\n";
            case 1 -> "POST /api/v1/alerts HTTP/9.9\r\nHost: x\r\n\r\n";
            case 2 -> "POST /api/v1/alerts HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n";
            case 3 -> "POST /api/v1/alerts HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n";
            case 4 -> "POST /api/v1/alerts HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n" + body + "\r\n0\r\n\r\n";
            case 5 -> "POST /api/v1/alerts HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 7\r\n\r\nabcdefg";
            case 6 -> "GET /" + "x".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
            case 7 -> "POST /api/v1/alerts HTTP/1.1\r\nHost: x\r\nBad Header Name: v\r\n\r\n";
            case 8 -> "POST /api/v1/alerts HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n";
            case 9 -> " / HTTP/1.1\r\n\r\n";
            case 10 -> "POST /api/v1/alerts HTTP/1.1\r\nHost: x\r\nX-Long: " + "h".repeat(9000) + "\r\n\r\n";
            default -> {
                byte[] noise = new byte[1 + random.nextInt(200)];
                random.nextBytes(noise);
                yield new String(noise, StandardCharsets.ISO_8859_1) + "\r\n\r\n";
            }
        };
        return frame.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String printable(byte[] frame) {
        String s = new String(frame, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n");
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
